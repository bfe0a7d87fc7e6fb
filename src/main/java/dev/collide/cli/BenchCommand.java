package dev.collide.cli;

import dev.collide.bench.BenchRow;
import dev.collide.bench.DetectionBench;
import dev.collide.bench.PipelineBench;
import dev.collide.bench.MemoryBench;
import dev.collide.bench.ParseBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collide bench}: the benchmark suite (issue #9). Prints one table; every figure has its baseline measured in
 * the same run on the same machine. Not a test: it takes minutes and loads the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure fetch, parse, extraction,"
        + " detection, archive queries and daemon memory against baselines or targets measured in the same run;"
        + " prints one table.")
public final class BenchCommand implements Callable<Integer> {
    /** The parts of the suite, in the order "all" runs them. */
    enum Part { FETCH, PARSE, EXTRACT, DETECT, ARCHIVE, INSERT, MEMORY, ALL }

    @picocli.CommandLine.ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "all", paramLabel = "PART",
            description = "fetch, parse, extract, detect, archive, insert, memory or all (default).")
    String partName;

    private Part part;

    @Option(names = "--farm-feeds", defaultValue = "10000", description = "Feeds in the fetch farm (default 10000).")
    int feeds;

    @Option(names = "--farm-hosts", defaultValue = "200",
            description = "Loopback hosts of the fetch farm (default 200).")
    int hosts;

    @Option(names = "--workers", defaultValue = "" + dev.collide.FetchRun.DEFAULT_THREADS,
            description = "Fetch workers of the product, as fetch --threads (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--per-host", defaultValue = "4",
            description = "http.perHostConcurrency for the fetch benchmark (default 4).")
    int perHost;

    @Option(names = "--preload-articles", defaultValue = "0", description = "Synthetic articles put into the"
            + " fetch benchmark's archives before its rounds, untimed (default 0: an empty archive; issue 18 compares"
            + " a cold run into 1000000 with one into none).")
    int preloadArticles;

    @Option(names = "--events", defaultValue = "1000000", description = "Events for detection (default 1000000).")
    int events;

    @Option(names = "--articles", defaultValue = "1000000", description = "Articles in the archive benchmark"
            + " (default 1000000; events are a tenth).")
    int articles;

    @Option(names = "--new-items", defaultValue = "10000", description = "New items stored into the archive of"
            + " --articles by the insert benchmark (default 10000).")
    int newItems;

    @Option(names = "--sources", defaultValue = "1000", description = "Sources of the daemon for memory (default"
            + " 1000).")
    int sources;

    @Option(names = "--jar", defaultValue = "target/collide.jar", description = "The daemon's jar, for memory.")
    Path jar;

    @Override
    public Integer call() throws Exception {
        try {
            part = Part.valueOf(partName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown part '" + partName + "'; use fetch, parse,"
                    + " extract, detect, archive, insert, memory or all");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<BenchRow> rows = new ArrayList<>();
        String detectionTable = null;
        // the JVM's flags set the peak heap (issue 18: G1 under the default max heap grew to 1.4 GB at 10,000 feeds
        // for about 150 MB of live data), so the header names them
        out.printf("collide bench %s: %d cores, max heap %d MB, %s %s, JVM options %s%n", partName,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.flush();
        List<String> tables = new ArrayList<>();
        if (runs(Part.FETCH)) {
            // issue 18: the real path of collide fetch, not the fetcher alone
            var base = main.loadConfigWithoutSources();
            Path dir = java.nio.file.Files.createTempDirectory("collide-fetch-bench");
            tables.add(new PipelineBench(base, feeds, hosts, workers, Duration.ofMillis(100), perHost,
                    preloadArticles).run(dir, out));
            rows.add(new BenchRow(String.format("fetch end to end, %,d feeds", feeds), "see table below", "-",
                    "targets: cold >= 500 feeds/s (>= 3x 16 workers), warm >= 2,000, 1 % changed >= 1,500"));
        }
        if (runs(Part.PARSE)) {
            rows.addAll(new ParseBench(Duration.ofSeconds(3), Duration.ofSeconds(3)).run());
        }
        if (runs(Part.EXTRACT)) {
            var config = main.loadConfigWithoutSources();
            tables.add(dev.collide.bench.ExtractionBench.run(config.labs(), config.conferences(),
                    Duration.ofSeconds(10)));
            rows.add(new BenchRow("extraction: articles/s (2 KB articles, 1 thread)", "see table below", "-",
                    "target >= 20,000/s per core"));
        }
        if (runs(Part.DETECT)) {
            long t0 = System.nanoTime();
            detectionTable = DetectionBench.run(events);
            rows.add(new BenchRow(String.format("detection over %,d events", events), "see table below", "-",
                    String.format("whole DetectionBench took %.1f s", (System.nanoTime() - t0) / 1e9)));
        }
        if (runs(Part.ARCHIVE)) {
            Path dir = java.nio.file.Files.createTempDirectory("collide-archive-bench");
            tables.add(dev.collide.bench.ArchiveBench.run(dir, articles, articles / 10, 1000, 42));
            rows.add(new BenchRow(String.format("archive queries, %,d articles / %,d events", articles, articles / 10),
                    "see table below", "-", "target p99 < 50 ms"));
        }
        if (runs(Part.INSERT)) {
            Path dir = java.nio.file.Files.createTempDirectory("collide-insert-bench");
            var base = main.loadConfigWithoutSources();
            tables.add(new dev.collide.bench.InsertBench(base, articles, newItems).run(dir));
            rows.add(new BenchRow(String.format("insert: %,d new items into %,d articles", newItems, articles),
                    "see table below", "-", "target < 2 s"));
        }
        if (runs(Part.MEMORY)) {
            rows.addAll(new MemoryBench(jar, Path.of("config/labs.yml"), sources, Duration.ofMinutes(3)).run());
        }
        out.print(BenchRow.table(rows));
        if (detectionTable != null) {
            tables.add(detectionTable);
        }
        for (String table : tables) {
            out.println();
            out.print(table);
        }
        out.flush();
        return 0;
    }

    private boolean runs(Part p) {
        return part == Part.ALL || part == p;
    }
}
