package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Migration V12 (issue 18): the article indexes no query uses (articles_published, articles_source) are gone after
 * migration on H2 and PostgreSQL, and the ones the store's queries use are still there.
 */
class UnusedIndexesMigrationTest {
    @Test
    void open_h2_articlesHaveOnlyTheIndexesQueriesUse() throws Exception {
        var config = new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
        try (Database db = Database.open(config)) {
            Set<String> indexes = articleIndexes(db);

            assertThat(indexes).doesNotContain("articles_published", "articles_source");
            assertThat(indexes).contains("articles_sort", "articles_source_guid_hash", "articles_url_hash");
        }
    }

    @Test
    void open_postgres_articlesHaveOnlyTheIndexesQueriesUse() throws Exception {
        try (var pg = PostgresTestDatabase.create(); Database db = Database.open(pg.config())) {
            Set<String> indexes = articleIndexes(db);

            assertThat(indexes).doesNotContain("articles_published", "articles_source");
            assertThat(indexes).contains("articles_sort", "articles_source_guid_hash", "articles_url_hash",
                    "articles_fulltext");
        }
    }

    /** Index names on the articles table, lower case (H2 reports them upper case). */
    private static Set<String> articleIndexes(Database db) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String table = meta.storesUpperCaseIdentifiers() ? "ARTICLES" : "articles";
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
