package dev.collide.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Holidays that release news is dated by ("ahead of the Spring Festival"): the Chinese New Year (a lunar date,
 * hence the table) and Christmas. Only the years of the table are known; outside them, nothing.
 */
final class Holidays {
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)));

    enum Holiday { SPRING_FESTIVAL, CHRISTMAS }

    private Holidays() {
    }

    /** The occurrence of {@code holiday} closest to {@code near}. */
    static Optional<LocalDate> closest(Holiday holiday, LocalDate near) {
        LocalDate best = null;
        for (int year = near.getYear() - 1; year <= near.getYear() + 1; year++) {
            LocalDate d = holiday == Holiday.CHRISTMAS ? LocalDate.of(year, 12, 25) : SPRING_FESTIVAL.get(year);
            if (d != null && (best == null || distance(d, near) < distance(best, near))) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "the holiday": whichever known holiday lies within 45 days of the article, if any. */
    static Optional<LocalDate> nearest(LocalDate near) {
        Optional<LocalDate> best = Optional.empty();
        for (Holiday h : Holiday.values()) {
            Optional<LocalDate> d = closest(h, near);
            if (d.isPresent() && distance(d.get(), near) <= 45
                    && (best.isEmpty() || distance(d.get(), near) < distance(best.get(), near))) {
                best = d;
            }
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
