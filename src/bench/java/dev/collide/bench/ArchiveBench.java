package dev.collide.bench;

import dev.collide.config.BackupConfig;
import dev.collide.config.DatabaseConfig;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.StoreException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Archive query latency at scale (issue #7): fills an H2 file database with articles, one release mention each, and
 * release events over three years and ten labs, then times the archive server's lab + date-range queries through
 * the real stores. Prints p50/p95/p99 per query kind. A benchmark, not a test: the figures depend on the machine.
 */
public final class ArchiveBench {
    static final List<String> LABS = List.of("deepseek", "moonshot", "qwen", "zhipu", "openai", "anthropic", "google",
            "meta", "mistral", "xai");
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int DAYS = 1096;
    private static final int BATCH = 5_000;

    private ArchiveBench() {
    }

    /** {@code collide bench archive}: defaults are the 1,000,000 articles, 100,000 events, 1,000 queries. */
    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        // a fourth argument keeps the database in that directory for inspection; otherwise a temp dir is removed
        Path dir = args.length > 3 ? Files.createDirectories(Path.of(args[3]))
                : Files.createTempDirectory("collide-bench-");
        try {
            System.out.print(run(dir, articles, events, queries, 42));
        } finally {
            if (args.length <= 3) {
                BenchSupport.deleteTree(dir);
            }
        }
    }

    /**
     * Fills a database under {@code dir} (unless one is there from an earlier run) and returns the figures as a
     * printable table.
     */
    public static String run(Path dir, int articles, int events, int queries, long seed)
            throws StoreException, SQLException {
        var out = new StringBuilder();
        String url = "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";CACHE_SIZE=262144";
        boolean filled = Files.exists(dir.resolve("bench.mv.db"));
        try (Database db = Database.open(new DatabaseConfig(url, Optional.empty(), Optional.empty()))) {
            if (filled) {
                out.append("reusing the database in ").append(dir).append('\n');
            } else {
                long start = System.nanoTime();
                fill(db, articles, events, new Random(seed));
                out.append(String.format(Locale.ROOT, "filled %,d articles (1 mention each) and %,d events in %.1f s%n",
                        articles, events, (System.nanoTime() - start) / 1e9));
            }
            var articleStore = new JdbcArticleStore(db);
            // issue 18: the search index beside the file is built from the table on first use; timed on its own
            long built = System.nanoTime();
            articleStore.search(new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(LABS.get(0)), 1, 0));
            out.append(String.format(Locale.ROOT, "search index brought up to date with the table in %.1f s%n",
                    (System.nanoTime() - built) / 1e9));
            var eventStore = new JdbcArchiveReader(db.dataSource());
            out.append(String.format(Locale.ROOT, "load average %.1f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors()));
            out.append(String.format(Locale.ROOT, "%-36s %8s %8s %8s %8s %9s %9s %8s%n", "query (limit 50, " + queries
                    + " runs)", "p50 ms", "p95 ms", "p99 ms", "max ms", "cpu p50", "cpu p99", "rows"));
            for (int days : new int[] {7, 30, 365}) {
                Random random = new Random(seed + days);
                out.append(line("events: lab + " + days + "-day range", time(queries, () -> {
                    return eventStore.events(query(random, days)).size();
                })));
                out.append(line("articles: lab + " + days + "-day range", time(queries, () -> {
                    return articleStore.search(query(random, days)).size();
                })));
            }
            Random words = new Random(seed + 1);
            // one lab's name is in a tenth of the titles ("q=DeepSeek"); with a model number, about one in 10,000
            out.append(line("articles: q=LAB (a tenth match)", time(queries, () -> articleStore.search(
                    new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.of(LABS.get(words.nextInt(LABS.size()))), 50, 0)).size())));
            out.append(line("articles: q=LAB N (two words, rare)", time(queries, () -> articleStore.search(
                    new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.of(LABS.get(words.nextInt(LABS.size())) + " " + words.nextInt(1000)), 50, 0))
                    .size())));
            out.append(line("articles: q=LAB + lab + 30-day range", time(queries, () -> {
                ArchiveQuery range = query(words, 30);
                return articleStore.search(new ArchiveQuery(range.since(), range.until(), range.lab(),
                        range.lab(), 50, 0)).size();
            })));
            out.append(backupAndRestore(db, dir, articleStore.count()));
        }
        return out.toString();
    }

    /** The daily backup of this archive (database.backups) and its restore into a new file: seconds and sizes. */
    private static String backupAndRestore(Database db, Path dir, long articles) throws StoreException {
        Path backups = dir.resolve("backups");
        long t0 = System.nanoTime();
        Path backup = new Backups(db.dataSource(), backups, BackupConfig.DEFAULT, Clock.systemUTC()).write();
        double backupSeconds = (System.nanoTime() - t0) / 1e9;
        var restored = new DatabaseConfig("jdbc:h2:file:" + dir.resolve("restored-" + System.nanoTime())
                .toAbsolutePath(), Optional.empty(), Optional.empty());
        long t1 = System.nanoTime();
        Backups.restore(backup, restored);
        double restoreSeconds = (System.nanoTime() - t1) / 1e9;
        long restoredArticles;
        try (Database check = Database.open(restored)) {
            restoredArticles = new JdbcArticleStore(check.dataSource()).count();
        }
        return String.format(Locale.ROOT, "backup (SCRIPT TO, gzip): %.1f s, %,d KB from a %,d KB file; restore into a"
                        + " new file (RUNSCRIPT, full-text index rebuilt): %.1f s, %,d of %,d articles back%n",
                backupSeconds, size(backup) >> 10, size(dir.resolve("bench.mv.db")) >> 10, restoreSeconds,
                restoredArticles, articles);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private interface Query {
        int run() throws StoreException;
    }

    /** Wall-clock and CPU milliseconds per run, each sorted; H2 runs embedded, on the calling thread. */
    private record Timings(double[] millis, double[] cpuMillis, double avgRows) {
    }

    /** Runs {@code query} a tenth as many times to warm up (JIT, H2 cache), then {@code n} times measured. */
    private static Timings time(int n, Query query) throws StoreException {
        for (int i = 0; i < Math.max(1, n / 10); i++) {
            query.run();
        }
        // CPU time of this thread as well: on a shared machine the wall clock includes waiting for a core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[n];
        double[] cpuMillis = new double[n];
        long rows = 0;
        for (int i = 0; i < n; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            rows += query.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        return new Timings(millis, cpuMillis, (double) rows / n);
    }

    private static String line(String name, Timings t) {
        double[] m = t.millis();
        double[] cpu = t.cpuMillis();
        return String.format(Locale.ROOT, "%-36s %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f %8.1f%n", name, pct(m, 50),
                pct(m, 95), pct(m, 99), m[m.length - 1], pct(cpu, 50), pct(cpu, 99), t.avgRows());
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static ArchiveQuery query(Random random, int days) {
        LocalDate since = FIRST_DAY.plusDays(random.nextInt(DAYS - days));
        return new ArchiveQuery(Optional.of(since), Optional.of(since.plusDays(days - 1)),
                Optional.of(LABS.get(random.nextInt(LABS.size()))), Optional.empty(), 50, 0);
    }

    private static void fill(Database db, int articles, int events, Random random) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            fillArticles(c, articles, random);
            fillEvents(c, events, random);
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
    }

    private static void fillArticles(Connection c, int n, Random random) throws SQLException {
        String article = """
                INSERT INTO articles (id, source_id, guid, guid_key, url, title, body, published_at, fetched_at, kind,
                                      lab, tags, fingerprint, guid_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)""";
        String mention = """
                INSERT INTO mentions (article_id, lab, model_id, model, family, is_release, release_date, precision,
                                      confidence, evidence)
                VALUES (?, ?, ?, ?, ?, TRUE, ?, 'DAY', 0.8, 'released')""";
        try (PreparedStatement a = c.prepareStatement(article); PreparedStatement m = c.prepareStatement(mention)) {
            for (int i = 1; i <= n; i++) {
                String lab = LABS.get(random.nextInt(LABS.size()));
                LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
                OffsetDateTime published = day.atTime(random.nextInt(24), random.nextInt(60)).atOffset(ZoneOffset.UTC);
                boolean labPost = random.nextInt(10) < 3;
                a.setLong(1, i);
                a.setString(2, "source-" + (i % 50));
                a.setString(3, "guid-" + i);
                // spread over the whole key range as SHA-256 keys are (the multiplier is odd: no two alike)
                long hash = i * 0x9E3779B97F4A7C15L;
                a.setString(4, String.format("%016x%048x", hash, i));
                a.setString(5, "https://news.example/" + i);
                a.setString(6, lab + " model " + (i % 1000) + " released");
                a.setString(7, "Benchmark article " + i + " about " + lab + ".");
                // a tenth without a publication date, so the fetch time decides their place (sort_at)
                a.setObject(8, i % 10 == 0 ? null : published);
                a.setObject(9, published.plusHours(1));
                a.setString(10, labPost ? "LAB_POST" : "NEWS");
                a.setString(11, labPost ? lab : null);
                a.setLong(12, i);
                a.setLong(13, hash);
                a.addBatch();
                m.setLong(1, i);
                m.setString(2, lab);
                m.setString(3, lab + "-" + (i % 1000));
                m.setString(4, lab + " " + (i % 1000));
                m.setString(5, lab + "-" + (i % 1000));
                m.setObject(6, day);
                m.addBatch();
                if (i % BATCH == 0 || i == n) {
                    a.executeBatch();
                    m.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void fillEvents(Connection c, int n, Random random) throws SQLException {
        String sql = """
                INSERT INTO release_events (id, lab, family, model, release_date, precision, confidence, source_count,
                                            first_seen_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'DAY', 0.8, 2, ?, ?)""";
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= n; i++) {
                String lab = LABS.get(i % LABS.size());
                ps.setString(1, String.format("%016x", i));
                ps.setString(2, lab);
                ps.setString(3, lab + "-family-" + i);
                ps.setString(4, lab + " Model " + i);
                ps.setObject(5, FIRST_DAY.plusDays(random.nextInt(DAYS)));
                ps.setObject(6, now);
                ps.setObject(7, now);
                ps.addBatch();
                if (i % BATCH == 0 || i == n) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
