package dev.collide.notify;

import dev.collide.store.Sql;
import dev.collide.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The digests table: one row per date, claimed before the SMTP conversation and marked after it, so that however
 * often the daily job runs (restarts at 08:00, two nodes, a manual send-now) a date is mailed once.
 */
public final class JdbcDigestLog {
    /** SQLState of a unique-key violation on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcDigestLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A date's row. {@code status}: SENDING, SENT, SKIPPED (quiet day) or FAILED (due again at nextAttemptAt). */
    public record Entry(LocalDate date, String status, int attempts, Optional<Instant> nextAttemptAt,
                        Optional<String> subject, Optional<String> lastError, Optional<Instant> sentAt) {
    }

    private static final String CLAIMABLE = """
            ((status = 'SENDING' AND claimed_until <= ?) OR (status = 'FAILED' AND next_attempt_at <= ?))""";

    /**
     * Claims {@code date} for {@code owner} until {@code now + lease}: a new date, one whose sender died (lease over)
     * or one whose last attempt failed and is due again. False when it is sent, skipped, being sent, or not yet due.
     */
    public boolean claim(LocalDate date, String owner, Instant now, Duration lease) throws StoreException {
        String insert = """
                INSERT INTO digests (digest_date, status, claimed_until, claimed_by, attempts, created_at)
                VALUES (?, 'SENDING', ?, ?, 1, ?)""";
        String reclaim = "UPDATE digests SET status = 'SENDING', claimed_until = ?, claimed_by = ?,"
                + " attempts = attempts + 1 WHERE digest_date = ? AND " + CLAIMABLE;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setObject(1, date);
                Sql.setInstant(ps, 2, now.plus(lease));
                ps.setString(3, owner);
                Sql.setInstant(ps, 4, now);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(reclaim)) {
                Sql.setInstant(ps, 1, now.plus(lease));
                ps.setString(2, owner);
                ps.setObject(3, date);
                Sql.setInstant(ps, 4, now);
                Sql.setInstant(ps, 5, now);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StoreException("could not claim the digest of " + date + ": " + e.getMessage(), e);
        }
    }

    /** SENT or SKIPPED, with the subject and recipients for the record. */
    public void finish(LocalDate date, String owner, String status, Instant now, String subject, String recipients)
            throws StoreException {
        update(date, """
                UPDATE digests SET status = ?, sent_at = ?, subject = ?, recipients = ?, claimed_until = NULL,
                    last_error = NULL
                WHERE digest_date = ? AND status = 'SENDING' AND claimed_by = ?""",
                status, now, Sql.cut(subject, 1000), Sql.cut(recipients, 4000), date, owner);
    }

    public void fail(LocalDate date, String owner, Instant nextAttempt, String error) throws StoreException {
        update(date, """
                UPDATE digests SET status = 'FAILED', next_attempt_at = ?, last_error = ?, claimed_until = NULL
                WHERE digest_date = ? AND status = 'SENDING' AND claimed_by = ?""",
                nextAttempt, Sql.cut(error, 2000), date, owner);
    }

    private void update(LocalDate date, String sql, Object... args) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not record the digest of " + date + ": " + e.getMessage(), e);
        }
    }

    public Optional<Entry> find(LocalDate date) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM digests WHERE digest_date = ?")) {
            ps.setObject(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(date, rs.getString("status"), rs.getInt("attempts"),
                        Sql.instant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("subject")),
                        Optional.ofNullable(rs.getString("last_error")), Sql.instant(rs, "sent_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the digest of " + date + ": " + e.getMessage(), e);
        }
    }
}
