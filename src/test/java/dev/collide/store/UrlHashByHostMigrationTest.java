package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.Secret;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V14 (issue 18): an archive from before it, whose URL look-up values are V11's key prefixes, gets the
 * host-led values the store now looks up, on H2 and PostgreSQL, so another source's story with a stored link is
 * still told a duplicate. A stored URL cut short keeps its host's value.
 */
class UrlHashByHostMigrationTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    /** Stored links: host case, "www." and the default port are folded as the key folds them. */
    private static final List<String> LINKS = List.of("https://news.example/kimi-k2-6",
            "https://WWW.News.Example:443/deepseek-v4?utm_source=x", "http://wire.example:8080/a/b/",
            "https://blog.example/qwen3", "https://blog.example/qwen3-coder");

    @Test
    void h2_archiveFromBeforeV14_getsHostLedValues() throws Exception {
        check(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty()), "classpath:db/vendor/h2");
    }

    @Test
    void postgres_archiveFromBeforeV14_getsHostLedValues() throws Exception {
        try (var pg = PostgresTestDatabase.create()) {
            check(pg.config(), "classpath:db/vendor/postgresql");
        }
    }

    @Test
    void hostOf_urlCutWithinAnEscape_isReadFromItsStart() {
        assertThat(UrlHashByHostMigration.hostOf("https://WWW.Cut.Example/a%2")).hasValue("cut.example");
        assertThat(UrlHashByHostMigration.hostOf("not a url %")).isEmpty();
        assertThat(UrlHashByHostMigration.hostOf("urn:isbn:123")).hasValue(""); // as its key was made
    }

    private static void check(DatabaseConfig config, String vendor) throws Exception {
        String user = config.user().orElse(null);
        String password = config.password().map(Secret::reveal).orElse(null);
        var flyway = Flyway.configure().dataSource(config.url(), user, password)
                .locations("classpath:db/migration", vendor).target("13");
        if (config.isPostgres()) {
            flyway.javaMigrations(new QuartzTablesMigration());
        }
        flyway.load().migrate();
        Map<String, Long> wanted = new HashMap<>();
        try (Connection c = DriverManager.getConnection(config.url(), user, password);
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO articles (source_id, guid, guid_key, guid_hash, url, url_key, url_hash, title, body,
                                           fetched_at, kind, tags)
                     VALUES ('old', ?, ?, ?, ?, ?, ?, 't', 'b', ?, 'NEWS', '')""")) {
            int i = 0;
            for (String link : LINKS) {
                Keys.UrlKey key = Keys.urlKey(Optional.of(URI.create(link))).orElseThrow();
                insert(ps, "g" + i++, link, key.key());
                wanted.put(key.key(), key.hash());
            }
            // a link longer than the store keeps, cut within an escape: its host is still known
            String cutKey = Keys.sha256("cut");
            insert(ps, "g-cut", "https://Cut.Example/a%2", cutKey);
            wanted.put(cutKey, Keys.urlHash("cut.example", cutKey));
        }

        try (Database db = Database.open(config)) {
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT url_key, url_hash FROM articles")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(wanted.get(rs.getString(1).strip()));
                }
                assertThat(rows).isEqualTo(LINKS.size() + 1);
            }
            // another source's copy of a stored story is found through the rebuilt index
            var store = new JdbcArticleStore(db);
            var outcome = store.storeAll(List.of(new JdbcArticleStore.NewArticle(new Article("wire", "w-1",
                    Optional.of(URI.create("https://news.example/deepseek-v4")), "DeepSeek ships V4", "Text.",
                    Optional.of(NOW), ArticleKind.NEWS, Optional.empty(), List.of()), 1, Extraction.EMPTY)), NOW);
            assertThat(outcome.get(0)).isEqualTo(new SaveOutcome.SameLink("old"));
        }
    }

    private static void insert(PreparedStatement ps, String guid, String url, String urlKey) throws Exception {
        String guidKey = Keys.guidKey("old", guid);
        ps.setString(1, guid);
        ps.setString(2, guidKey);
        ps.setLong(3, Keys.hash64(guidKey));
        ps.setString(4, url);
        ps.setString(5, urlKey);
        ps.setLong(6, Keys.hash64(urlKey)); // V11's value
        ps.setObject(7, OffsetDateTime.parse("2026-05-01T00:00:00Z"));
        ps.executeUpdate();
    }
}
