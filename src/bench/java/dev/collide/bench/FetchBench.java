package dev.collide.bench;

import dev.collide.config.SourceConfig;
import dev.collide.source.FeedSource;
import dev.collide.source.PollResult;
import dev.collide.source.SourceState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetch-only rounds over a {@link FeedFarm}: {@link FeedSource} (conditional GET, per-host limit, body hash, hardened
 * parser) driven by a number of workers; {@link PipelineBench} runs them for its baseline and fetch-only rows.
 * Cold: every feed changed (200, parse). Warm: every feed unchanged (304 with ETag; same body, recognised by its
 * hash, without validators).
 */
final class FetchBench {
    static final int BASELINE_WORKERS = 16;

    private FetchBench() {
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
