package dev.collide.store;

import dev.collide.fetch.Validators;
import dev.collide.source.ReaderVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Per-source validators, health and schedule (table source_state). */
public final class JdbcSourceStateStore {
    private final DataSource dataSource;

    public JdbcSourceStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SourceHealth find(String sourceId) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM source_state WHERE source_id = ?")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : SourceHealth.fresh(sourceId);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the state of source " + sourceId + ": " + e.getMessage(), e);
        }
    }

    public List<SourceHealth> all() throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM source_state ORDER BY source_id");
             ResultSet rs = ps.executeQuery()) {
            List<SourceHealth> result = new ArrayList<>();
            while (rs.next()) {
                result.add(read(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read source states: " + e.getMessage(), e);
        }
    }

    /** Inserts or replaces the row of {@code health.sourceId()}. */
    public void save(SourceHealth h) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            try {
                save(c, h);
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                save(c, h); // lost the insert to another node: the update now finds the row
            }
        } catch (SQLException e) {
            throw new StoreException("could not save the state of source " + h.sourceId() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #save(SourceHealth)}, on {@code c} and in its transaction (the archive writer's, issue 18). */
    static void save(Connection c, SourceHealth h) throws SQLException {
        String update = """
                UPDATE source_state SET etag = ?, last_modified = ?, body_hash = ?, last_fetch_at = ?,
                    last_success_at = ?, last_items_at = ?, last_status = ?, last_error = ?, error_count = ?,
                    next_fetch_at = ?, fetch_count = ?, not_modified_count = ?, item_count = ?, empty_polls = ?,
                    interval_seconds = ?, reader_version = ?
                WHERE source_id = ?""";
        String insert = """
                INSERT INTO source_state (etag, last_modified, body_hash, last_fetch_at, last_success_at,
                    last_items_at, last_status, last_error, error_count, next_fetch_at, fetch_count,
                    not_modified_count, item_count, empty_polls, interval_seconds, reader_version, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            bind(ps, h);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            bind(ps, h);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, SourceHealth h) throws SQLException {
        Sql.setString(ps, 1, h.validators().etag().map(s -> Sql.cut(s, 1000)));
        Sql.setString(ps, 2, h.validators().lastModified().map(s -> Sql.cut(s, 200)));
        Sql.setString(ps, 3, h.validators().bodyHash());
        Sql.setInstant(ps, 4, h.lastFetchAt());
        Sql.setInstant(ps, 5, h.lastSuccessAt());
        Sql.setInstant(ps, 6, h.lastItemsAt());
        ps.setString(7, h.lastStatus());
        Sql.setString(ps, 8, h.lastError().map(s -> Sql.cut(s, 2000)));
        ps.setInt(9, h.errorCount());
        Sql.setInstant(ps, 10, h.nextFetchAt());
        ps.setLong(11, h.fetchCount());
        ps.setLong(12, h.notModifiedCount());
        ps.setLong(13, h.itemCount());
        ps.setInt(14, h.emptyPolls());
        if (h.interval().isPresent()) {
            ps.setLong(15, h.interval().get().toSeconds());
        } else {
            ps.setNull(15, Types.BIGINT);
        }
        ps.setInt(16, ReaderVersion.CURRENT);
        ps.setString(17, h.sourceId());
    }

    private static SourceHealth read(ResultSet rs) throws SQLException {
        int readerVersion = rs.getInt("reader_version"); // 0 for NULL: saved before versions were kept
        // an older reader's validators would make the feed it misread look unchanged for ever (see ReaderVersion)
        Validators validators = readerVersion < ReaderVersion.CURRENT ? Validators.NONE
                : Validators.of(rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash"));
        return new SourceHealth(rs.getString("source_id"), validators,
                Sql.instant(rs, "last_fetch_at"), Sql.instant(rs, "last_success_at"), Sql.instant(rs, "last_items_at"),
                Optional.ofNullable(rs.getString("last_status")).orElse("new"),
                Optional.ofNullable(rs.getString("last_error")), rs.getInt("error_count"),
                Sql.instant(rs, "next_fetch_at"), rs.getLong("fetch_count"), rs.getLong("not_modified_count"),
                rs.getLong("item_count"), rs.getInt("empty_polls"), interval(rs));
    }

    private static Optional<Duration> interval(ResultSet rs) throws SQLException {
        long seconds = rs.getLong("interval_seconds");
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
