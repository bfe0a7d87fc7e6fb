package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V11 (issue 18): an archive written before it gets the 64-bit look-up values its keys imply, computed in
 * SQL exactly as {@link Keys#hash64} does, on H2 and PostgreSQL; and a look-up never takes a shared prefix for a
 * match.
 */
class CompactKeysMigrationTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void h2_archiveFromBeforeV11_getsTheHashesJavaComputes() throws Exception {
        var config = new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
        checkMigration(config, "classpath:db/vendor/h2");
    }

    @Test
    void postgres_archiveFromBeforeV11_getsTheHashesJavaComputes() throws Exception {
        try (var pg = PostgresTestDatabase.create()) {
            checkMigration(pg.config(), "classpath:db/vendor/postgresql");
        }
    }

    @Test
    void urlLookup_sharedPrefixFromAnotherSource_isNotTakenForTheSameLink() throws Exception {
        var config = new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
        try (Database db = Database.open(config)) {
            var store = new JdbcArticleStore(db);
            Article news = article("wire", "w-1", "https://news.example/kimi-k2-6");
            String key = Keys.urlKey(news.link()).orElseThrow();
            // another source's article whose URL key differs but shares the first 64 bits
            String twin = key.substring(0, 16) + "f".repeat(48);
            assertThat(twin).isNotEqualTo(key);
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         INSERT INTO articles (source_id, guid, guid_key, guid_hash, url, url_key, url_hash, title, body,
                                               fetched_at, kind, tags)
                         VALUES ('digest', 'd-1', ?, ?, 'https://other.example/', ?, ?, 't', 'b', ?, 'NEWS', '')""")) {
                String guidKey = Keys.guidKey("digest", "d-1");
                ps.setString(1, guidKey);
                ps.setLong(2, Keys.hash64(guidKey));
                ps.setString(3, twin);
                ps.setLong(4, Keys.hash64(twin));
                ps.setObject(5, java.time.OffsetDateTime.parse("2026-05-01T00:00:00Z"));
                ps.executeUpdate();
            }

            var outcome = store.storeAll(List.of(new JdbcArticleStore.NewArticle(news, 1, Extraction.EMPTY)), NOW);

            assertThat(outcome.get(0)).isInstanceOf(SaveOutcome.Stored.class);
            assertThat(store.contains("wire", "w-1")).isTrue();
            assertThat(store.contains("digest", "w-1")).isFalse();
        }
    }

    private static void checkMigration(DatabaseConfig config, String vendor) throws Exception {
        var flyway = Flyway.configure().dataSource(config.url(), config.user().orElse(null),
                config.password().map(dev.collide.config.Secret::reveal).orElse(null))
                .locations("classpath:db/migration", vendor).target("10");
        if (config.isPostgres()) {
            flyway.javaMigrations(new QuartzTablesMigration());
        }
        flyway.load().migrate();
        Map<String, String> urlKeys = new HashMap<>();
        List<String> guidKeys = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(config.url(), config.user().orElse(null),
                config.password().map(dev.collide.config.Secret::reveal).orElse(null));
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO articles (source_id, guid, guid_key, url, url_key, title, body, fetched_at, kind, tags)
                     VALUES ('s', ?, ?, ?, ?, 't', 'b', ?, 'NEWS', '')""")) {
            for (int i = 0; i < 200; i++) {
                String guidKey = Keys.guidKey("s", "g" + i);
                String urlKey = i % 5 == 0 ? null : Keys.urlKey(Optional.of(URI.create("https://x.example/" + i)))
                        .orElseThrow();
                ps.setString(1, "g" + i);
                ps.setString(2, guidKey);
                ps.setString(3, urlKey == null ? null : "https://x.example/" + i);
                ps.setString(4, urlKey);
                ps.setObject(5, java.time.OffsetDateTime.parse("2026-05-01T00:00:00Z"));
                ps.executeUpdate();
                guidKeys.add(guidKey);
                urlKeys.put(guidKey, urlKey);
            }
        }
        // keys with the top bit set and clear, so both halves of the signed conversion are exercised
        assertThat(guidKeys).anyMatch(k -> Keys.hash64(k) < 0).anyMatch(k -> Keys.hash64(k) > 0);

        try (Database db = Database.open(config); Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT guid_key, guid_hash, url_key, url_hash FROM articles")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(Keys.hash64(rs.getString(1)));
                String urlKey = rs.getString(3);
                assertThat(urlKey).isEqualTo(urlKeys.get(rs.getString(1)));
                if (urlKey == null) {
                    assertThat(rs.getObject(4)).isNull();
                } else {
                    assertThat(rs.getLong(4)).isEqualTo(Keys.hash64(urlKey));
                }
            }
            assertThat(rows).isEqualTo(200);
            // and the store finds what the migration converted
            assertThat(new JdbcArticleStore(db).contains("s", "g7")).isTrue();
        }
    }

    private static Article article(String source, String guid, String url) {
        return new Article(source, guid, Optional.of(URI.create(url)), "Moonshot ships Kimi K2.6", "Text.",
                Optional.of(NOW), ArticleKind.NEWS, Optional.empty(), List.of());
    }
}
