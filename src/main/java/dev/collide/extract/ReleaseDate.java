package dev.collide.extract;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A release date with its precision. {@code date} is the day (UTC) for INSTANT and DAY, the Monday of the week for
 * WEEK, and the first of the month for MONTH; {@code instant} is present only for INSTANT.
 */
public record ReleaseDate(LocalDate date, Precision precision, Optional<Instant> instant) {
    public ReleaseDate {
        requireNonNull(date, "date");
        requireNonNull(precision, "precision");
        requireNonNull(instant, "instant");
        if ((precision == Precision.INSTANT) != instant.isPresent()) {
            throw new IllegalArgumentException("an instant is given exactly when precision is INSTANT");
        }
        if (precision == Precision.WEEK && date.getDayOfWeek() != DayOfWeek.MONDAY) {
            date = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (precision == Precision.MONTH && date.getDayOfMonth() != 1) {
            date = date.withDayOfMonth(1);
        }
    }

    public static ReleaseDate ofInstant(Instant at) {
        return new ReleaseDate(LocalDate.ofInstant(at, ZoneOffset.UTC), Precision.INSTANT, Optional.of(at));
    }

    public static ReleaseDate ofDay(LocalDate day) {
        return new ReleaseDate(day, Precision.DAY, Optional.empty());
    }

    public static ReleaseDate ofWeek(LocalDate anyDayOfWeek) {
        return new ReleaseDate(anyDayOfWeek, Precision.WEEK, Optional.empty());
    }

    public static ReleaseDate ofMonth(YearMonth month) {
        return new ReleaseDate(month.atDay(1), Precision.MONTH, Optional.empty());
    }

    /** First day the release may have happened on. */
    public LocalDate earliest() {
        return date;
    }

    /** Last day the release may have happened on. */
    public LocalDate latest() {
        return switch (precision) {
            case INSTANT, DAY -> date;
            case WEEK -> date.plusDays(6);
            case MONTH -> YearMonth.from(date).atEndOfMonth();
        };
    }

    /** Day-exact or better: precise enough to take part in a day-gap collision. */
    public boolean isDayExact() {
        return precision == Precision.INSTANT || precision == Precision.DAY;
    }

    @Override
    public String toString() {
        return switch (precision) {
            case INSTANT -> instant.orElseThrow().toString();
            case DAY -> date.toString();
            case WEEK -> "week of " + date;
            case MONTH -> YearMonth.from(date).toString();
        };
    }
}
