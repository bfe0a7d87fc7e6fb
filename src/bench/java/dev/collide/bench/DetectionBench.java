package dev.collide.bench;

import dev.collide.config.DetectionConfig;
import dev.collide.detect.Collision;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Full re-detection over a synthetic archive: evidence -> events -> collisions, timed in-process (median of several
 * runs after warm-up). Two densities: a realistic one (a few releases a day across the labs) and a dense one.
 */
public final class DetectionBench {
    private static final int LABS = 40;

    private DetectionBench() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println(run(events));
    }

    public static String run(int eventCount) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("detection benchmark: %,d events, %d labs, window 7d, %d cores, heap %d MB%n",
                eventCount, LABS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        out.append(String.format("%-34s %12s %12s %12s %14s%n", "case", "build (ms)", "detect (ms)", "total (ms)",
                "collisions"));
        for (double perDay : new double[] {1, 3}) {
            List<Evidence> evidence = evidence(eventCount, perDay, new Random(42));
            var detector = new CollisionDetector(new DetectionConfig(Duration.ofDays(7), 0.5,
                    List.of(Set.of("lab0", "lab1"))));
            var builder = new EventBuilder();
            int runs = 3;
            long[] build = new long[runs];
            long[] detect = new long[runs];
            int collisions = 0;
            for (int r = -1; r < runs; r++) { // one warm-up run
                long t0 = System.nanoTime();
                List<ReleaseEvent> events = builder.build(evidence);
                long t1 = System.nanoTime();
                List<Collision> found = detector.detect(events, List.of());
                long t2 = System.nanoTime();
                if (r >= 0) {
                    build[r] = t1 - t0;
                    detect[r] = t2 - t1;
                }
                collisions = found.size();
            }
            long b = median(build) / 1_000_000;
            long d = median(detect) / 1_000_000;
            out.append(String.format("%-34s %12d %12d %12d %,14d%n",
                    String.format("%.0f releases/day, %,d evidence", perDay, evidence.size()), b, d, b + d,
                    collisions));
        }
        return out.toString();
    }

    /** About 1.5 pieces of evidence per event; dates spread at {@code perDay} events a day. */
    static List<Evidence> evidence(int eventCount, double perDay, Random random) {
        List<Evidence> result = new ArrayList<>(eventCount * 3 / 2);
        LocalDate start = LocalDate.of(2000, 1, 1);
        long id = 0;
        for (int e = 0; e < eventCount; e++) {
            String lab = "lab" + random.nextInt(LABS);
            String family = lab + "-model-" + e;
            LocalDate day = start.plusDays((long) (e / perDay));
            int copies = random.nextInt(2) + 1;
            for (int c = 0; c < copies; c++) {
                id++;
                ArticleKind kind = c == 0 ? ArticleKind.LAB_POST : ArticleKind.NEWS;
                result.add(new Evidence(id, id, "src", Optional.empty(), "t", kind, lab, family, family, family,
                        ReleaseDate.ofDay(day.plusDays(c)), 0.9, "s", random.nextLong()));
            }
        }
        return result;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
