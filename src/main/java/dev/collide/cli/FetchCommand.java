package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.DetectionReport;
import dev.collide.FetchRun;
import dev.collide.Pipeline;
import dev.collide.SourceReport;
import dev.collide.config.CollideConfig;
import dev.collide.config.SourceConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide fetch}: every enabled source once, now; then detection. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch every enabled source once now, extract, detect, print a line per source and the totals,"
                + " deliver the alerts (when a channel is configured), and exit; exit 1 when every source failed.")
public final class FetchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WindowOption window;

    @Option(names = "--threads", defaultValue = "" + FetchRun.DEFAULT_THREADS, description = "Sources fetched at"
            + " once (default ${DEFAULT-VALUE}); each host still gets at most http.perHostConcurrency requests.")
    int threads;

    @Option(names = "--no-deliver", description = "Queue the alerts in the outbox but leave their delivery to a"
            + " running daemon or to outbox --deliver.")
    boolean noDeliver;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfig();
        config = config.withDatabase(config.database().forFetch());
        config = window.applyTo(config);
        PrintWriter out = spec.commandLine().getOut();
        quietPipelineWarnings(); // each failure is on its report line; the log would say it a second time
        int exit = 0;
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            List<SourceReport> reports = fetchAll(collide, Math.max(1, threads));
            for (SourceReport report : reports) {
                out.println(report.line());
            }
            out.println(totals(reports));
            long failed = reports.stream().filter(r -> r.status().equals("failed")).count();
            if (failed > 0 && failed == reports.size()) {
                exit = 1;
                if (noHostResolves(collide.enabledSources())) {
                    out.println("hint: none of the sources' hosts resolves; this machine may be offline or without"
                            + " DNS: check the network (or a proxy) and run collide fetch again");
                }
            }
            DetectionReport detection = collide.pipeline().detect();
            out.println(detection.line());
            if (!noDeliver && !collide.outboxChannels().isEmpty()) {
                // one-shot use from cron: the alerts this detection queued go out now, claimed as the daemon does
                out.println(collide.delivery().deliverDue().line());
            }
        }
        out.flush();
        return exit;
    }

    /** {@code 36 sources: 30 ok, 3 unchanged, 2 failed, 1 rate-limited; 57 new items}: the fetch at a glance. */
    static String totals(List<SourceReport> reports) {
        Map<String, Long> byStatus = new TreeMap<>();
        reports.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        int stored = reports.stream().mapToInt(SourceReport::stored).sum();
        return reports.size() + " sources: " + byStatus.getOrDefault("ok", 0L) + " ok, "
                + byStatus.getOrDefault("unchanged", 0L) + " unchanged, " + byStatus.getOrDefault("failed", 0L)
                + " failed" + (byStatus.containsKey("rate-limited") ? ", " + byStatus.get("rate-limited")
                + " rate-limited" : "") + "; " + stored + " new items";
    }

    /** True when not one http(s) source's host resolves: the network, not the sources, is what failed. */
    private static boolean noHostResolves(List<SourceConfig> sources) {
        List<String> hosts = sources.stream().map(SourceConfig::url).filter(u -> u != null && u.getHost() != null)
                .map(URI::getHost).distinct().limit(5).toList();
        if (hosts.isEmpty()) {
            return false;
        }
        for (String host : hosts) {
            try {
                InetAddress.getByName(host);
                return false;
            } catch (UnknownHostException e) {
                // try the next one
            }
        }
        return true;
    }

    private static void quietPipelineWarnings() {
        if (LoggerFactory.getLogger(Pipeline.class) instanceof ch.qos.logback.classic.Logger logger
                && !logger.isDebugEnabled()) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** Polls every enabled source, in parallel, and returns the reports in the order of the feeds file. */
    static List<SourceReport> fetchAll(Collide collide, int threads) throws InterruptedException {
        return FetchRun.pollAll(collide.pipeline(), collide.enabledSources(), threads);
    }
}
