package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 3 and 18: the duplicate checks of a batch (IN lists of keys) read an index on H2, never the whole
 * table.
 */
class ArticleLookupPlanTest {
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** {@code sourceFirst}: the first parameter is a source id, the others 64-bit key prefixes. */
    private String plan(String sql, int parameters, boolean sourceFirst) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                if (i == 1 && sourceFirst) {
                    ps.setString(i, "x");
                } else {
                    ps.setLong(i, i);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void guidLookup_usesTheGuidIndex() throws Exception {
        String plan = plan(String.format(ArticleLookups.GUID_KEYS, "?, ?, ?"), 4, true);

        assertThat(plan).contains("ARTICLES_SOURCE_GUID_HASH").doesNotContain("tableScan");
    }

    @Test
    void urlLookup_usesTheUrlIndex() throws Exception {
        String plan = plan(String.format(ArticleLookups.URL_KEYS, "?, ?, ?"), 3, false);

        assertThat(plan).contains("ARTICLES_URL_HASH").doesNotContain("tableScan");
    }
}
