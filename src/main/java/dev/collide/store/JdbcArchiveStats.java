package dev.collide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts over the archive's tables, read in one statement so the figures agree with each other. */
public final class JdbcArchiveStats {
    private final DataSource dataSource;

    public JdbcArchiveStats(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ArchiveCounts counts() throws StoreException {
        String sql = """
                SELECT
                  (SELECT COALESCE(SUM(fetch_count), 0) FROM source_state),
                  (SELECT COALESCE(SUM(not_modified_count), 0) FROM source_state),
                  (SELECT COALESCE(SUM(error_count), 0) FROM source_state),
                  (SELECT COUNT(*) FROM source_state WHERE last_status = 'failed'),
                  (SELECT COUNT(*) FROM articles),
                  (SELECT COUNT(*) FROM release_events),
                  (SELECT COUNT(*) FROM collisions WHERE status = 'ACTIVE'),
                  (SELECT COUNT(*) FROM collisions WHERE status = 'RETRACTED'),
                  (SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'),
                  (SELECT COUNT(*) FROM outbox WHERE status = 'FAILED')""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ArchiveCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
        } catch (SQLException e) {
            throw new StoreException("could not count the archive: " + e.getMessage(), e);
        }
    }
}
