package dev.collide.detect;

import dev.collide.config.DetectionConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds release waves: the largest runs of day-exact events spanning at most the window in which three or more labs
 * released. Two-pointer sweep over events sorted by date, O(n log n).
 */
public final class WaveDetector {
    private final DetectionConfig config;

    public WaveDetector(DetectionConfig config) {
        this.config = config;
    }

    public List<Wave> detect(List<ReleaseEvent> events) {
        List<ReleaseEvent> dated = new ArrayList<>();
        for (ReleaseEvent e : events) {
            if (e.confidence() >= config.minConfidence() && e.date().isPresent() && e.date().get().isDayExact()) {
                dated.add(e);
            }
        }
        dated.sort(Comparator.comparing((ReleaseEvent e) -> e.date().get().date()).thenComparing(ReleaseEvent::id));
        long window = config.windowDays();
        List<Wave> waves = new ArrayList<>();
        Map<String, Integer> labCounts = new HashMap<>();
        int end = 0;
        int lastEmittedEnd = -1;
        for (int start = 0; start < dated.size(); start++) {
            long first = day(dated.get(start));
            while (end < dated.size() && day(dated.get(end)) - first <= window) {
                labCounts.merge(dated.get(end).lab(), 1, Integer::sum);
                end++;
            }
            // emit only windows that reach further than the last one: maximal runs, no sub-windows
            if (labCounts.size() >= 3 && end - 1 > lastEmittedEnd) {
                List<ReleaseEvent> members = dated.subList(start, end);
                waves.add(new Wave(date(members.get(0)), date(members.get(members.size() - 1)), members));
                lastEmittedEnd = end - 1;
            }
            labCounts.computeIfPresent(dated.get(start).lab(), (lab, n) -> n == 1 ? null : n - 1);
        }
        return waves;
    }

    private static long day(ReleaseEvent e) {
        return e.date().get().date().toEpochDay();
    }

    private static LocalDate date(ReleaseEvent e) {
        return e.date().get().date();
    }
}
