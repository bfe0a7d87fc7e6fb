package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.DetectionReport;
import dev.collide.SourceReport;
import dev.collide.config.CollideConfig;
import dev.collide.config.SourceConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide fetch}: every enabled source once, now; then detection. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch every enabled source once now, extract, detect, print a line per source, and exit.")
public final class FetchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WindowOption window;

    @Option(names = "--threads", defaultValue = "8", description = "Sources fetched at once (default 8).")
    int threads;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfig();
        config = window.applyTo(config);
        PrintWriter out = spec.commandLine().getOut();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            for (SourceReport report : fetchAll(collide, Math.max(1, threads))) {
                out.println(report.line());
            }
            DetectionReport detection = collide.pipeline().detect();
            out.println(detection.line());
        }
        out.flush();
        return 0;
    }

    /** Polls every enabled source, in parallel, and returns the reports in the order of the feeds file. */
    static List<SourceReport> fetchAll(Collide collide, int threads) throws InterruptedException {
        List<SourceConfig> sources = collide.enabledSources();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, sources.size())));
        try {
            List<Future<SourceReport>> futures = new ArrayList<>();
            for (SourceConfig source : sources) {
                futures.add(pool.submit(() -> collide.pipeline().poll(source)));
            }
            List<SourceReport> reports = new ArrayList<>();
            for (Future<SourceReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("poll never throws, but did", e.getCause());
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }
}
