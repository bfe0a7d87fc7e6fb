package dev.collide.bench;

import dev.collide.Collide;
import dev.collide.SourceReport;
import dev.collide.config.CollideConfig;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.store.Database;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.SaveOutcome;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 17 item 3: new items stored into a large archive. Fills an archive (H2 file, and PostgreSQL when
 * COLLIDE_TEST_PG_URL names one) with {@code archived} articles, then polls a {@code file:} feed of {@code fresh}
 * new items through the pipeline, as {@code collide fetch} does (parse, extract, duplicate checks, insert), and
 * stores as many more articles straight through {@link JdbcArticleStore#store}. The baseline is the lookup the store
 * used before, {@code guid_key = ? OR url_key = ?}, timed over a few runs on the same archive.
 */
public final class InsertBench {
    private static final int CHUNK = 100_000;
    private static final int OLD_LOOKUP_RUNS = 20;

    private final CollideConfig base;
    private final int archived;
    private final int fresh;

    public InsertBench(CollideConfig base, int archived, int fresh) {
        this.base = base;
        this.archived = archived;
        this.fresh = fresh;
    }

    /**
     * Runs on H2 under {@code dir}, then on PostgreSQL if configured; returns the figures as a printable table and
     * removes {@code dir}.
     */
    public String run(Path dir) throws Exception {
        try {
            return runIn(dir);
        } finally {
            BenchSupport.deleteTree(dir);
        }
    }

    private String runIn(Path dir) throws Exception {
        var out = new StringBuilder();
        String h2 = "jdbc:h2:file:" + dir.resolve("insert-bench").toAbsolutePath() + ";CACHE_SIZE=262144";
        out.append(runOn("H2", new DatabaseConfig(h2, Optional.empty(), Optional.empty()), dir));
        out.append(BenchSupport.onScratchPostgres(database -> runOn("PostgreSQL", database, dir)));
        return out.toString();
    }

    private String runOn(String name, DatabaseConfig database, Path dir) throws Exception {
        var out = new StringBuilder();
        boolean h2 = database.url().startsWith("jdbc:h2:");
        long t0;
        try (Database db = Database.open(database)) {
            t0 = System.nanoTime();
            fill(db, h2);
        }
        out.append(String.format(Locale.ROOT, "%s: filled %,d articles in %.1f s%n", name, archived,
                seconds(t0)));
        Path feed = dir.resolve("insert-bench-feed.xml");
        writeFeed(feed);
        var source = new SourceConfig("insert-bench", SourceKind.FEED, feed.toUri(), Duration.ofMinutes(30), true,
                Optional.empty(), Map.of(), 1);
        try (Collide collide = Collide.open(base.withDatabase(database).withSources(List.of(source)),
                Clock.systemUTC())) {
            long t1 = System.nanoTime();
            long cpu1 = cpu();
            SourceReport report = collide.pipeline().poll(source);
            out.append(String.format(Locale.ROOT, "  poll of a %,d-item feed (parse, extract, store): %.2f s wall,"
                    + " %.2f s thread CPU, %,d stored%n", fresh, seconds(t1), (cpu() - cpu1) / 1e9, report.stored()));
            JdbcArticleStore store = collide.articles();
            Instant now = Instant.now();
            int stored = 0;
            long t2 = System.nanoTime();
            long cpu2 = cpu();
            for (int i = 0; i < fresh; i++) {
                var article = Article.news("insert-bench-direct", "direct-" + i,
                        URI.create("https://bench.example/direct/" + i), "Direct " + i, "Body " + i, now);
                if (store.store(article, i, Extraction.EMPTY, now) instanceof SaveOutcome.Stored) {
                    stored++;
                }
            }
            out.append(String.format(Locale.ROOT, "  %,d JdbcArticleStore.store calls, one transaction each (two"
                    + " indexed lookups + insert): %.2f s wall, %.2f s thread CPU, %,d stored%n", fresh, seconds(t2),
                    (cpu() - cpu2) / 1e9, stored));
        }
        try (Database db = Database.open(database); Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles WHERE guid_key = ? OR url_key = ?")) {
            long t3 = System.nanoTime();
            long cpu3 = cpu();
            for (int i = 0; i < OLD_LOOKUP_RUNS; i++) {
                ps.setString(1, "absent-" + i);
                ps.setString(2, "absent-" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            double each = seconds(t3) / OLD_LOOKUP_RUNS;
            double eachCpu = (cpu() - cpu3) / 1e9 / OLD_LOOKUP_RUNS;
            out.append(String.format(Locale.ROOT, "  baseline, the old lookup (guid_key = ? OR url_key = ?):"
                    + " %.1f ms wall, %.1f ms CPU each over %d runs, so %.0f s CPU for %,d items%n", each * 1e3,
                    eachCpu * 1e3, OLD_LOOKUP_RUNS, eachCpu * fresh, fresh));
        }
        return out.toString();
    }

    private void fill(Database db, boolean h2) throws SQLException {
        fill(db, h2, archived, "'Archived body ' || r.x");
    }

    /**
     * Fills {@code db} with {@code archived} synthetic articles of 50 sources ({@code source-0} ...), one
     * INSERT ... SELECT per chunk of {@value #CHUNK}, then runs ANALYZE. {@code body} is the SQL for each article's
     * body, over the series value {@code r.x}. Their look-up keys are spread as SHA-256 keys are (see
     * {@link #spread}), so new articles' index entries land among theirs. Also {@link PipelineBench}'s
     * {@code --preload-articles}.
     */
    static void fill(Database db, boolean h2, int archived, String body) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            // one INSERT ... SELECT per chunk over a generated series: row by row through JDBC took 6 min for 1M
            String series = h2 ? "SYSTEM_RANGE(?, ?) r" : "generate_series(?::bigint, ?::bigint) AS r(x)";
            String sql = """
                    INSERT INTO articles (source_id, guid, guid_key, url, url_key, title, body, fetched_at, kind, tags,
                                          fingerprint, guid_hash, url_hash)
                    SELECT 'source-' || MOD(r.x, 50), 'guid-' || r.x, LPAD(CAST(r.x AS VARCHAR(20)), 64, '0'),
                           'https://news.example/' || r.x, LPAD(CAST(r.x AS VARCHAR(20)), 63, '0') || 'u',
                           'Archived article ' || r.x, %s, ?, 'NEWS', '', r.x,
                           %s, %s
                    FROM\s""".formatted(body, spread("2654435761"), spread("2246822519")) + series;
            OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int from = 1; from <= archived; from += CHUNK) {
                    ps.setObject(1, at);
                    ps.setLong(2, from);
                    ps.setLong(3, Math.min(archived, from + CHUNK - 1L));
                    ps.executeUpdate();
                    c.commit();
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            c.commit();
        }
    }

    /**
     * Distinct look-up values spread over the whole BIGINT range, as SHA-256 prefixes are, so that the new items'
     * inserts land among the archive's entries and not beyond them: a multiple of r.x modulo a prime below 2^32
     * (distinct for r.x below it), centred, as the high half; r.x as the low half.
     */
    private static String spread(String multiplier) {
        return "(MOD(r.x * " + multiplier + ", 4294967291) - 2147483645) * 4294967296 + r.x";
    }

    private void writeFeed(Path feed) throws IOException {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>insert bench</title><link>https://bench.example/</link>\n");
        for (int i = 0; i < fresh; i++) {
            xml.append("<item><title>Bench item ").append(i).append("</title><link>https://bench.example/item/")
                    .append(i).append("</link><guid>bench-").append(i).append("</guid><description>Item ")
                    .append(i).append(" of the insert benchmark.</description>"
                            + "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>\n");
        }
        xml.append("</channel></rss>\n");
        Files.writeString(feed, xml, StandardCharsets.UTF_8);
    }

    /** CPU time of this thread: on a shared machine the wall clock includes waiting for a core. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
