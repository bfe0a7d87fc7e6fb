package dev.collide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a fetch spends its time (issue 18): wall and CPU time of the pipeline's threads per stage, summed over the
 * threads. Poll is fetch and parse (its wall time includes the network), store includes the duplicate look-ups.
 * Thread-safe and cheap: a few clock readings per feed, not per article.
 */
public final class StageTimes {
    /** The stages of one poll, and detection after the polls. */
    public enum Stage { POLL, EXTRACT, STORE, DETECT }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Stage, LongAdder> wall = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> cpu = new EnumMap<>(Stage.class);

    public StageTimes() {
        for (Stage s : Stage.values()) {
            wall.put(s, new LongAdder());
            cpu.put(s, new LongAdder());
        }
    }

    /** This thread's clocks now. */
    public static Mark mark() {
        return new Mark(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
    }

    /** Charges the time since {@code from} to {@code stage}; returns the new mark, for the next stage. */
    public Mark charge(Stage stage, Mark from) {
        Mark now = mark();
        wall.get(stage).add(now.wallNanos() - from.wallNanos());
        cpu.get(stage).add(Math.max(0, now.cpuNanos() - from.cpuNanos()));
        return now;
    }

    public long wallNanos(Stage stage) {
        return wall.get(stage).sum();
    }

    public long cpuNanos(Stage stage) {
        return cpu.get(stage).sum();
    }

    /** A reading of one thread's wall clock and CPU clock. */
    public record Mark(long wallNanos, long cpuNanos) {
    }
}
