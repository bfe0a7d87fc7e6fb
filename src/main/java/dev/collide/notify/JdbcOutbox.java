package dev.collide.notify;

import dev.collide.store.Sql;
import dev.collide.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The outbox table as the notify stage uses it: claim due rows under a lease, then mark each sent, rescheduled or
 * failed. Every state change is a compare-and-set on (status, claimed_by), so two processes never both claim a row
 * and a process whose lease was taken over cannot overwrite the newer outcome.
 */
public final class JdbcOutbox {
    /** Retrying stops this long after a message was written, unless a manual retry moves the deadline. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private final DataSource dataSource;

    public JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String DUE = """
            ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_until <= ?))""";

    /**
     * Claims up to {@code limit} due rows of {@code channels} for {@code owner} until {@code now + lease}: PENDING rows
     * whose time has come, and SENDING rows whose lease expired (their sender died). Counts an attempt per claim.
     */
    public List<OutboxEntry> claimDue(List<String> channels, String owner, Instant now, Duration lease, int limit)
            throws StoreException {
        if (channels.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", channels.stream().map(c -> "?").toList());
        String select = "SELECT id FROM outbox WHERE channel IN (" + placeholders + ") AND " + DUE
                + " ORDER BY next_attempt_at, id LIMIT ?";
        String claim = "UPDATE outbox SET status = 'SENDING', claimed_until = ?, claimed_by = ?,"
                + " attempts = attempts + 1 WHERE id = ? AND " + DUE;
        try (Connection c = dataSource.getConnection()) {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = 1;
                for (String channel : channels) {
                    ps.setString(i++, channel);
                }
                Sql.setInstant(ps, i++, now);
                Sql.setInstant(ps, i++, now);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            List<OutboxEntry> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                for (long id : candidates) {
                    Sql.setInstant(ps, 1, now.plus(lease));
                    ps.setString(2, owner);
                    ps.setLong(3, id);
                    Sql.setInstant(ps, 4, now);
                    Sql.setInstant(ps, 5, now);
                    // another node may have claimed it between our SELECT and this UPDATE: then 0 rows
                    if (ps.executeUpdate() == 1) {
                        find(c, id).ifPresent(claimed::add);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("could not claim outbox rows: " + e.getMessage(), e);
        }
    }

    /** Records the receiver's acknowledgement; false when {@code owner}'s lease was taken over meanwhile. */
    public boolean markSent(long id, String owner, Instant now) throws StoreException {
        return update(id, """
                UPDATE outbox SET status = 'SENT', sent_at = ?, claimed_until = NULL, last_error = NULL
                WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""", now, id, owner);
    }

    /** Puts a claimed row back to PENDING, due at {@code nextAttempt}. */
    public boolean reschedule(long id, String owner, Instant nextAttempt, String error) throws StoreException {
        return update(id, """
                UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""",
                nextAttempt, Sql.cut(error, 2000), id, owner);
    }

    /** Stops retrying a claimed row: FAILED with the reason, until someone retries it by hand. */
    public boolean fail(long id, String owner, String reason) throws StoreException {
        return update(id, """
                UPDATE outbox SET status = 'FAILED', claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""", Sql.cut(reason, 2000), id, owner);
    }

    private boolean update(long id, String sql, Object... args) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not update outbox row " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes FAILED rows PENDING again, due now, with a fresh 24-hour retry window. {@code id} empty: every failed row.
     * Returns how many rows changed.
     */
    public int retryFailed(Optional<Long> id, Instant now) throws StoreException {
        String sql = "UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, give_up_at = ?, claimed_by = NULL"
                + " WHERE status = 'FAILED'" + (id.isPresent() ? " AND id = ?" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now.plus(GIVE_UP_AFTER));
            if (id.isPresent()) {
                ps.setLong(3, id.get());
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not retry failed outbox rows: " + e.getMessage(), e);
        }
    }

    /** Rows, newest first; {@code status} empty: all. */
    public List<OutboxEntry> list(Optional<String> status, int limit) throws StoreException {
        String sql = "SELECT * FROM outbox" + (status.isPresent() ? " WHERE status = ?" : "")
                + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status.isPresent()) {
                ps.setString(i++, status.get());
            }
            ps.setInt(i, limit);
            List<OutboxEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not list the outbox: " + e.getMessage(), e);
        }
    }

    public Optional<OutboxEntry> find(long id) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new StoreException("could not read outbox row " + id + ": " + e.getMessage(), e);
        }
    }

    private static Optional<OutboxEntry> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        Instant created = Sql.instant(rs, "created_at").orElseThrow();
        return new OutboxEntry(rs.getLong("id"), rs.getString("channel"), rs.getString("dedup_key"),
                rs.getString("subject_kind"), rs.getString("subject_id"), rs.getString("change"),
                rs.getString("status"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at").orElseThrow(),
                Optional.ofNullable(rs.getString("last_error")), created, Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "claimed_until"), Sql.instant(rs, "give_up_at").orElse(created.plus(GIVE_UP_AFTER)));
    }
}
