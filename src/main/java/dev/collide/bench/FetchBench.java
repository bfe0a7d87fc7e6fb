package dev.collide.bench;

import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.FeedParser;
import dev.collide.source.FeedSource;
import dev.collide.source.PollResult;
import dev.collide.source.SourceState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetch cycles over a {@link FeedFarm}: the product's {@link FeedSource} (conditional GET, per-host limit, body hash,
 * hardened parser) driven by many workers, against a baseline of 16 workers each fetching one feed at a time.
 * Cold: every feed changed (200, parse). Warm: every feed unchanged (304 with ETag; same body, recognised by its
 * hash, without validators). Half the feeds send ETags, half send no validators.
 */
public final class FetchBench {
    static final int BASELINE_WORKERS = 16;

    private final int feeds;
    private final int hosts;
    private final int workers;
    private final Duration latency;

    public FetchBench(int feeds, int hosts, int workers, Duration latency) {
        this.feeds = feeds;
        this.hosts = hosts;
        this.workers = workers;
        this.latency = latency;
    }

    /** The outcome of one round over a list of feeds. */
    record Round(int feeds, long nanos, long cpuNanos, int items, int unchanged, int failed,
                 List<SourceState> states) {
        double perSecond() {
            return feeds / (nanos / 1e9);
        }

        /** Cores this process kept busy during the round, farm included. */
        double coresBusy() {
            return (double) cpuNanos / nanos;
        }
    }

    public List<BenchRow> run() throws IOException, InterruptedException {
        HttpConfig http = new HttpConfig(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                10L * 1024 * 1024, "CollideBench/1.0", 0, Duration.ofMillis(100), 2, 5);
        List<BenchRow> rows = new ArrayList<>();
        try (FeedFarm farm = new FeedFarm(hosts, latency)) {
            List<SourceConfig> all = new ArrayList<>();
            for (int n = 0; n < feeds; n++) {
                all.add(new SourceConfig("feed-" + n, SourceKind.FEED, farm.url(n, n % 2 == 0),
                        Duration.ofMinutes(30), true, Optional.empty(), Map.of(), n + 1));
            }
            // the baseline is slow by design (16 x 10 feeds/s at 100 ms): it runs over a sample
            List<SourceConfig> sample = all.subList(0, Math.min(all.size(), 1_600));
            var source = new FeedSource(new ConditionalFetcher(http, Clock.systemUTC()), new FeedParser());

            // warm-up of the JIT (cold and warm paths, so the parser is compiled before it is timed) and of the
            // connections; with 200 feeds the first timed thousands still ran in the interpreter and C2 compiled on
            // the cores the round needs
            Round warmUp = round(source, sample, null, workers);
            round(source, sample, warmUp.states(), workers);
            farm.changeAll();
            round(source, sample, warmUp.states(), workers);
            farm.changeAll();
            long bodiesBefore = farm.bodiesSent();
            Round cold = round(source, all, null, workers);
            long coldBodies = farm.bodiesSent() - bodiesBefore;
            long notModifiedBefore = farm.notModifiedSent();
            bodiesBefore = farm.bodiesSent();
            Round warm = round(source, all, cold.states(), workers);
            long warm304 = farm.notModifiedSent() - notModifiedBefore;
            long warmBodies = farm.bodiesSent() - bodiesBefore;

            var baselineSource = new FeedSource(new ConditionalFetcher(http, Clock.systemUTC()), new FeedParser());
            farm.changeAll();
            Round baseCold = round(baselineSource, sample, null, BASELINE_WORKERS);
            Round baseWarm = round(baselineSource, sample, baseCold.states(), BASELINE_WORKERS);

            String farmNote = String.format("%,d feeds on %d loopback hosts, %d ms latency, %d workers, %d/host",
                    feeds, hosts, latency.toMillis(), workers, http.perHostConcurrency());
            rows.add(new BenchRow("fetch cold: feeds/s (all changed, parsed)", rate(cold),
                    rate(baseCold) + " (16 workers)", "target >= 500; " + cold.items() + " items, "
                    + cold.failed() + " failed; " + busy(cold) + "; " + farmNote));
            rows.add(new BenchRow("fetch warm: feeds/s (all unchanged)", rate(warm), rate(baseWarm)
                    + " (16 workers)", "target >= 3,000; " + warm.unchanged() + " unchanged, " + warm.failed()
                    + " failed; " + busy(warm)));
            rows.add(new BenchRow("warm: 304s / bodies re-sent (hash-checked)", warm304 + " / " + warmBodies, "-",
                    "no body on a 304; a re-sent body without validators is hashed, not parsed"
                    + " (cold bodies: " + coldBodies + ")"));
        }
        return rows;
    }

    private static String busy(Round r) {
        return String.format("%.1f of %d cores busy (farm and client)", r.coresBusy(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String rate(Round r) {
        return String.format("%,.0f", r.perSecond());
    }

    /** Polls every feed once with {@code threads} workers; {@code states} are the previous round's, or none. */
    static Round round(FeedSource source, List<SourceConfig> feeds, List<SourceState> states, int threads)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger items = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        SourceState[] after = new SourceState[feeds.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads, FeedFarm.daemon("bench-worker"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < feeds.size(); i = next.getAndIncrement()) {
                    SourceState before = states == null ? SourceState.NEW : states.get(i);
                    PollResult result = source.poll(feeds.get(i), before);
                    if (result instanceof PollResult.Items it) {
                        items.addAndGet(it.articles().size());
                        after[i] = new SourceState(it.validators(), Optional.empty(), 0);
                    } else if (result instanceof PollResult.Unchanged u) {
                        unchanged.incrementAndGet();
                        after[i] = new SourceState(u.validators(), Optional.empty(), 0);
                    } else {
                        failed.incrementAndGet();
                        after[i] = before;
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("benchmark worker failed", e.getCause());
            }
        }
        long nanos = System.nanoTime() - t0;
        long cpuNanos = os.getProcessCpuTime() - cpu0;
        pool.shutdown();
        return new Round(feeds.size(), nanos, cpuNanos, items.get(), unchanged.get(), failed.get(), List.of(after));
    }
}
