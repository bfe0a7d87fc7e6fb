package dev.collide.bench;

import dev.collide.Collide;
import dev.collide.DetectionReport;
import dev.collide.FetchRun;
import dev.collide.SourceReport;
import dev.collide.StageTimes;
import dev.collide.StageTimes.Stage;
import dev.collide.config.CollideConfig;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.FeedParser;
import dev.collide.source.FeedSource;
import dev.collide.config.BackupConfig;
import dev.collide.store.ArchiveWriter;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue 18: {@code collide fetch} end to end, as a user runs it: fetch, parse, extract, store, detect, into an H2
 * file with the default (crash-safe) settings, and into PostgreSQL when COLLIDE_TEST_PG_URL names one. The feeds come
 * from a {@link FeedFarm} in a process of its own (so heap, CPU and threads here are the product's alone) on
 * distinct loopback hosts with latency. Each round opens the archive, runs {@link FetchRun} and detection, and closes
 * it, as one {@code fetch} process does. Rounds: cold (every feed new), warm (every feed unchanged), 1 % changed.
 * The baseline in the same run is 16 workers fetching and parsing with the same fetcher and parser and storing
 * nothing (the shape of a Miniflux-style poller); the product's fetch-only figure is its own row.
 */
public final class PipelineBench {
    private final CollideConfig base;
    private final int feeds;
    private final int hosts;
    private final int threads;
    private final Duration latency;
    private final int perHost;
    private final int preload;

    /**
     * {@code preload} synthetic articles (of other sources than the farm's) are put into each archive before the
     * rounds, with its search index brought up to date, untimed (issue 18: a cold run into an archive of 1,000,000
     * articles within 1.2x of the same run into an empty one); 0 for an empty archive.
     */
    public PipelineBench(CollideConfig base, int feeds, int hosts, int threads, Duration latency, int perHost,
                         int preload) {
        this.base = base;
        this.feeds = feeds;
        this.hosts = hosts;
        this.threads = threads;
        this.latency = latency;
        this.perHost = perHost;
        this.preload = preload;
    }

    /**
     * Fills the archive with {@link #preload} articles as {@code bench insert} does (one INSERT ... SELECT per
     * chunk; bodies of about 600 characters, a feed item's length is about 900), then brings its search index up to
     * date as the first search would; returns what it took, or nothing when there is nothing to preload.
     */
    private String preload(String name, DatabaseConfig database, PrintWriter progress) throws Exception {
        if (preload == 0) {
            return "";
        }
        long t0 = System.nanoTime();
        long filled;
        try (Database db = Database.open(database)) {
            InsertBench.fill(db, !db.isPostgres(), preload, "'Archived body ' || r.x || '. ' || REPEAT('An"
                    + " archived paragraph of a feed item, of about the length of the farm''s items. ', 8)");
            filled = System.nanoTime();
            new dev.collide.store.JdbcArticleStore(db).search(new dev.collide.store.ArchiveQuery(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("archived"), 1, 0));
        }
        String line = String.format(Locale.ROOT, "%s: preloaded %,d articles in %.1f s, search index and close"
                + " %.1f s (not timed in the rounds)%n", name, preload, (filled - t0) / 1e9,
                (System.nanoTime() - filled) / 1e9);
        if (database.isEmbeddedH2File()) {
            // The bulk load leaves chunks half dead, which a fetched archive never has (the writer's housekeeping
            // keeps them 81 % live, the close compacts the rest): without this the cold round spent three quarters
            // of the writer's time paying that debt down (issue 18, JFR: H2Housekeeping.afterCommit 77 %).
            long c0 = System.nanoTime();
            long[] sizes = Backups.compact(database);
            line += String.format(Locale.ROOT, "%s: preloaded file compacted as `collide compact` does, %,d -> %,d KB"
                    + " in %.1f s (not timed)%n", name, sizes[0] / 1024, sizes[1] / 1024,
                    (System.nanoTime() - c0) / 1e9);
        }
        progress.printf("  %s preloaded%n", name);
        progress.flush();
        return line;
    }

    /** One round's figures. */
    record Round(String name, int feeds, long nanos, long cpuNanos, long peakHeap, int stored, int failed,
                 Map<Stage, long[]> stages, ArchiveWriter.Stats writer, long openNanos, long closeNanos, String detection,
                 double load) {
        double feedsPerSecond() {
            return feeds / (nanos / 1e9);
        }

        double articlesPerSecond() {
            return stored / (nanos / 1e9);
        }
    }

    /** Runs the rounds on H2 under {@code dir} (removed afterwards), then on PostgreSQL if configured. */
    public String run(Path dir, PrintWriter progress) throws Exception {
        var out = new StringBuilder();
        try (Farm farm = Farm.start(hosts, latency)) {
            List<SourceConfig> sources = new ArrayList<>();
            for (int n = 0; n < feeds; n++) {
                sources.add(new SourceConfig("feed-" + n, SourceKind.FEED, farm.url(n, n % 2 == 0),
                        Duration.ofMinutes(1), true, Optional.empty(), Map.of(), n + 1));
            }
            HttpConfig h = base.http();
            HttpConfig http = new HttpConfig(h.connectTimeout(), h.readTimeout(), h.callTimeout(), h.maxBodyBytes(),
                    h.userAgent(), h.maxRetries(), h.retryBaseDelay(), perHost, h.maxRedirects(), h.proxy());
            CollideConfig config = base.withSources(sources).withHttp(http);
            out.append(String.format(Locale.ROOT, "collide fetch end to end: %,d feeds (%d items, ~18 KB each) on %d"
                    + " loopback hosts, %d ms latency, --threads %d, perHostConcurrency %d; farm in its own process;"
                    + " archive preloaded with %,d articles; load average %.1f%n",
                    feeds, FeedFarm.ITEMS, hosts, latency.toMillis(), threads, perHost, preload,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            String h2 = "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath();
            out.append(preload("H2 file", new DatabaseConfig(h2, Optional.empty(), Optional.empty()), progress));
            out.append(rounds("H2 file", config.withDatabase(new DatabaseConfig(h2, Optional.empty(),
                    Optional.empty()).forFetch()), farm, progress));
            long backup;
            try (Database db = Database.open(new DatabaseConfig(h2, Optional.empty(), Optional.empty()))) {
                backup = size(new Backups(db.dataSource(), dir.resolve("backups"), BackupConfig.DEFAULT,
                        Clock.systemUTC()).write());
            }
            long file = size(dir.resolve("bench.mv.db"));
            // what `collide compact` leaves: the file without dead space, so the ratio above tells fragmentation
            // from the data's own size
            long compacted = Backups.compact(new DatabaseConfig(h2, Optional.empty(), Optional.empty()))[1];
            out.append(String.format(Locale.ROOT, "  H2 file after the rounds: %,d KB database (%.1fx its SQL backup;"
                    + " %,d KB, %.1fx, after collide compact), %,d KB search index; the SQL backup (gzip) %,d KB%n",
                    file >> 10, (double) file / backup, compacted >> 10, (double) compacted / backup,
                    size(dir.resolve("bench.search")) >> 10, backup >> 10));
            out.append(BenchSupport.onScratchPostgres(database -> {
                farm.command("change-all");
                return preload("PostgreSQL", database, progress)
                        + rounds("PostgreSQL", config.withDatabase(database), farm, progress);
            }));
            farm.command("change-all");
            out.append(baseline(http, sources, farm));
        } finally {
            BenchSupport.deleteTree(dir);
        }
        return out.toString();
    }

    private String rounds(String name, CollideConfig config, Farm farm, PrintWriter progress) throws Exception {
        List<Round> rounds = new ArrayList<>();
        rounds.add(round("cold", config));
        progress.printf("  %s cold done%n", name);
        progress.flush();
        rounds.add(round("warm", config));
        farm.command("change-every 100");
        rounds.add(round("1 % changed", config));
        var out = new StringBuilder(String.format(Locale.ROOT, "%s%n  %-12s %10s %12s %6s %10s %7s  %s%n", name,
                "round", "feeds/s", "articles/s", "cores", "peak heap", "failed", "time by stage (thread-seconds, wall / CPU;"
                        + " store is the pollers' look-ups and waits, writer the one writing thread)"));
        for (Round r : rounds) {
            out.append(String.format(Locale.ROOT, "  %-12s %,10.0f %,12.0f %6.2f %7d MB %7d  %s%n", r.name(),
                    r.feedsPerSecond(), r.articlesPerSecond(), (double) r.cpuNanos() / r.nanos(), r.peakHeap() >> 20,
                    r.failed(), split(r)));
            out.append(String.format(Locale.ROOT, "  %-12s %.1f s wall, %,d new articles; %s; load average %.1f at"
                    + " the end%n", "", r.nanos() / 1e9, r.stored(), r.detection(), r.load()));
        }
        return out.toString();
    }

    private static String split(Round r) {
        var s = new StringBuilder();
        for (Stage stage : Stage.values()) {
            long[] t = r.stages().get(stage);
            s.append(String.format(Locale.ROOT, "%s %.1f/%.1f  ", stage.name().toLowerCase(Locale.ROOT), t[0] / 1e9,
                    t[1] / 1e9));
        }
        return s.append(String.format(Locale.ROOT, "writer %.1f/%.1f in %,d transactions  open %.1f  close %.1f",
                r.writer().busyNanos() / 1e9, r.writer().cpuNanos() / 1e9, r.writer().transactions(),
                r.openNanos() / 1e9, r.closeNanos() / 1e9)).toString();
    }

    /** One {@code collide fetch}: open, poll every source, detect, close; timed from open to closed. */
    private Round round(String name, CollideConfig config) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<SourceReport> reports;
        DetectionReport detection;
        Map<Stage, long[]> stages = new java.util.EnumMap<>(Stage.class);
        long closeStart;
        ArchiveWriter.Stats writer;
        Collide collide = Collide.open(config, Clock.systemUTC());
        long opened = System.nanoTime();
        try {
            reports = FetchRun.pollAll(collide.pipeline(), collide.enabledSources(), threads);
            detection = collide.pipeline().detect();
            StageTimes times = collide.pipeline().stageTimes();
            for (Stage s : Stage.values()) {
                stages.put(s, new long[] {times.wallNanos(s), times.cpuNanos(s)});
            }
            writer = collide.pipeline().writerStats();
        } finally {
            closeStart = System.nanoTime();
            collide.close();
        }
        long end = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpu0;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        int stored = reports.stream().mapToInt(SourceReport::stored).sum();
        int failed = (int) reports.stream().filter(r -> r.status().equals("failed")).count();
        return new Round(name, reports.size(), end - t0, cpu, peak, stored, failed, stages, writer, opened - t0,
                end - closeStart,
                detection.line(), os.getSystemLoadAverage());
    }

    /** The 16-worker fetch-and-parse baseline and the product's fetch-only figure, on the same farm. */
    private String baseline(HttpConfig http, List<SourceConfig> sources, Farm farm)
            throws InterruptedException, IOException {
        var out = new StringBuilder("fetch and parse only (no extraction, store or detection), same farm:\n");
        // 16 workers at 100 ms do ~150 feeds/s: a sample keeps this part short
        List<SourceConfig> sample = sources.subList(0, Math.min(sources.size(), 1_600));
        var baselineSource = new FeedSource(new ConditionalFetcher(http, Clock.systemUTC()), new FeedParser());
        FetchBench.Round baseCold = FetchBench.round(baselineSource, sample, null, FetchBench.BASELINE_WORKERS);
        FetchBench.Round baseWarm = FetchBench.round(baselineSource, sample, baseCold.states(),
                FetchBench.BASELINE_WORKERS);
        farm.command("change-all");
        var source = new FeedSource(new ConditionalFetcher(http, Clock.systemUTC()), new FeedParser());
        FetchBench.Round cold = FetchBench.round(source, sources, null, threads);
        FetchBench.Round warm = FetchBench.round(source, sources, cold.states(), threads);
        out.append(String.format(Locale.ROOT, "  baseline, %d workers (%,d feeds): cold %,.0f feeds/s, warm %,.0f"
                        + " feeds/s%n", FetchBench.BASELINE_WORKERS, sample.size(), baseCold.perSecond(),
                baseWarm.perSecond()));
        out.append(String.format(Locale.ROOT, "  collide's FeedSource alone, %d workers (fetch only): cold %,.0f"
                + " feeds/s, warm %,.0f feeds/s%n", threads, cold.perSecond(), warm.perSecond()));
        return out.toString();
    }

    private static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The {@link FeedFarm} as a child process of this JVM's own java and class path. */
    static final class Farm implements AutoCloseable {
        private final Process process;
        private final BufferedReader in;
        private final PrintWriter out;
        private final List<String> hosts;

        private Farm(Process process, BufferedReader in, List<String> hosts) {
            this.process = process;
            this.in = in;
            this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.hosts = hosts;
        }

        static Farm start(int hosts, Duration latency) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            // the JDK server keeps at most 200 idle connections and drops them after 30 s by default; a client
            // with 256 workers keeps more, for longer
            Process p = new ProcessBuilder(java, "-Xmx1g", "-Dsun.net.httpserver.maxIdleConnections=100000",
                    "-Dsun.net.httpserver.idleInterval=3600", "-cp", System.getProperty("java.class.path"),
                    FeedFarm.class.getName(), Integer.toString(hosts), Long.toString(latency.toMillis()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> addresses = new ArrayList<>();
            for (String line = in.readLine(); !"ready".equals(line); line = in.readLine()) {
                if (line == null) {
                    p.destroyForcibly();
                    throw new IOException("the feed farm process stopped before it was ready");
                }
                addresses.add(line);
            }
            return new Farm(p, in, addresses);
        }

        URI url(int n, boolean withValidators) {
            return URI.create("http://" + hosts.get(n % hosts.size()) + (withValidators ? "/etag/" : "/plain/") + n
                    + ".xml");
        }

        /** Sends a command and waits for the farm's answer line (bodies and 304s sent so far). */
        String command(String command) throws IOException {
            out.println(command);
            return in.readLine();
        }

        @Override
        public void close() {
            out.println("quit");
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
