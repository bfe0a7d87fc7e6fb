package dev.collide.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * V14, H2 and PostgreSQL (issue 18): every stored article's url_hash recomputed as {@link Keys#urlHash}, host bits
 * first, from its stored URL's host and its URL key. In Java because SQL cannot hash the canonical host the same way
 * on both. The index is dropped and rebuilt around the update: one sorted build instead of a million random moves.
 * A URL cut at the store's 4,000 characters still has its host; one whose host cannot be read at all gets the empty
 * host's value, is counted in the log, and can no longer be found as another source's link (a duplicate of it may
 * be stored once).
 */
final class UrlHashByHostMigration implements JavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(UrlHashByHostMigration.class);
    static final int PAGE = 5_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "url hash by host";
    }

    @Override
    public Integer getChecksum() {
        return 14; // the code is the migration; a change to it would be a new one
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX articles_url_hash");
        }
        long rows = 0;
        long unreadable = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = c.prepareStatement("SELECT id, url, url_key FROM articles"
                + " WHERE id > ? AND url_key IS NOT NULL ORDER BY id LIMIT " + PAGE);
             PreparedStatement update = c.prepareStatement("UPDATE articles SET url_hash = ? WHERE id = ?")) {
            while (true) {
                page.setLong(1, after);
                int n = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        Optional<String> host = hostOf(rs.getString(2));
                        if (host.isEmpty()) {
                            unreadable++;
                        }
                        update.setLong(1, Keys.urlHash(host.orElse(""), rs.getString(3).strip()));
                        update.setLong(2, after);
                        update.addBatch();
                        n++;
                    }
                }
                if (n == 0) {
                    break;
                }
                update.executeBatch();
                rows += n;
                if (rows % 200_000 < PAGE) {
                    LOG.info("migration V14: URL look-up values of {} articles rewritten so far", rows);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX articles_url_hash ON articles (url_hash)");
        }
        LOG.info("migration V14: URL look-up values of {} articles now lead with their host{}", rows,
                unreadable == 0 ? "" : "; " + unreadable + " stored URLs had no readable host and keep the empty"
                        + " host's value");
    }

    /** The canonical host of a stored URL, also of one cut short (only its start is parsed then); empty if none. */
    static Optional<String> hostOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Keys.canonicalHost(new URI(url))); // as when it was stored, host or not
        } catch (URISyntaxException e) {
            // cut short within an escape, say: the host is in its start
        }
        int authority = url.indexOf("://");
        if (authority < 0) {
            return Optional.empty();
        }
        int end = authority + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        try {
            URI start = new URI(url.substring(0, end));
            return start.getHost() == null ? Optional.empty() : Optional.of(Keys.canonicalHost(start));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
