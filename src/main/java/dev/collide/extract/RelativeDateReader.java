package dev.collide.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * Dates relative to the article's day ("yesterday", "last Friday", "this week", "ahead of the Spring Festival") and
 * to the previous date read in the article ("a month later", "the same day"), for {@link ReleaseDateReader}.
 */
final class RelativeDateReader {
    private static final Map<String, DayOfWeek> WEEKDAYS = Vocabulary.copyOf(Map.of("monday", DayOfWeek.MONDAY,
            "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
            DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY));
    private static final Map<String, Integer> NUMBER_WORDS = Vocabulary.copyOf(Map.ofEntries(Map.entry("a", 1),
            Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("few", 3), Map.entry("several", 3)));

    private RelativeDateReader() {
    }

    /** "the same day", "a month later", "the following week": relative to the previous date in the article. */
    static DateMatch matchAnchored(Words w, int i, Optional<ReleaseDate> anchor) {
        if (anchor.isEmpty()) {
            return null;
        }
        String s = w.text(i);
        String s1 = w.text(i + 1);
        String s2 = w.text(i + 2);
        ReleaseDate a = anchor.get();
        if ((s.equals("the") || s.equals("that")) && s1.equals("same")) {
            return shifted(a, s2, 0, i + 3);
        }
        if (s.equals("the") && (s1.equals("following") || s1.equals("next"))) {
            return shifted(a, s2, 1, i + 3);
        }
        if (s.equals("that") && (s1.equals("day") || s1.equals("week") || s1.equals("month"))) {
            return shifted(a, s1, 0, i + 2);
        }
        if (s.equals("the") && s1.equals("day") && s2.equals("after")) {
            return shifted(a, "day", 1, i + 3);
        }
        Integer n = w.get(i).isNumber() ? Integer.valueOf(w.get(i).value()) : NUMBER_WORDS.get(s);
        if (n != null && n >= 0 && n <= 60 && (s2.equals("later") || s2.equals("after"))) {
            String unit = s1.endsWith("s") ? s1.substring(0, s1.length() - 1) : s1;
            if (unit.equals("hour") || unit.equals("minute")) {
                return shifted(a, "day", 0, i + 3);
            }
            if (unit.equals("week")) {
                // "one week later" than a day is a day, as a careful reader counts it (issue #12)
                return shifted(a, "day", 7 * n, i + 3);
            }
            return shifted(a, unit, n, i + 3);
        }
        if ((s.equals("hours") || s.equals("minutes") || s.equals("days") || s.equals("weeks"))
                && s1.equals("later")) {
            return shifted(a, s.equals("weeks") ? "week" : "day", s.equals("days") ? 2 : s.equals("weeks") ? 2 : 0,
                    i + 2);
        }
        return null;
    }

    private static DateMatch shifted(ReleaseDate anchor, String unit, int n, int next) {
        LocalDate base = anchor.date();
        Precision p = anchor.precision() == Precision.INSTANT ? Precision.DAY : anchor.precision();
        return switch (unit) {
            case "day" -> new DateMatch(coarser(base.plusDays(n), Precision.DAY, p), next);
            case "week" -> new DateMatch(coarser(base.plusWeeks(n), Precision.WEEK, p), next);
            case "month" -> new DateMatch(ReleaseDate.ofMonth(YearMonth.from(base.plusMonths(n))), next);
            default -> null;
        };
    }

    private static ReleaseDate coarser(LocalDate d, Precision phrase, Precision anchor) {
        Precision p = phrase.isFinerThan(anchor) ? anchor : phrase;
        return switch (p) {
            case INSTANT, DAY -> ReleaseDate.ofDay(d);
            case WEEK -> ReleaseDate.ofWeek(d);
            case MONTH -> ReleaseDate.ofMonth(YearMonth.from(d));
        };
    }

    static DateMatch matchRelative(Words w, int i, LocalDate today) {
        String s = w.text(i);
        String s1 = w.text(i + 1);
        switch (s) {
            case "today", "tonight" -> {
                return new DateMatch(ReleaseDate.ofDay(today), i + 1);
            }
            case "yesterday" -> {
                return new DateMatch(ReleaseDate.ofDay(today.minusDays(1)), i + 1);
            }
            case "tomorrow" -> {
                return new DateMatch(ReleaseDate.ofDay(today.plusDays(1)), i + 1);
            }
            case "this", "last", "next" -> {
                int shift = s.equals("this") ? 0 : s.equals("last") ? -1 : 1;
                if (s1.equals("week")) {
                    return new DateMatch(ReleaseDate.ofWeek(today.plusWeeks(shift)), i + 2);
                }
                if (s1.equals("month")) {
                    return new DateMatch(ReleaseDate.ofMonth(YearMonth.from(today).plusMonths(shift)), i + 2);
                }
                if (s1.equals("morning") || s1.equals("afternoon") || s1.equals("evening")) {
                    return new DateMatch(ReleaseDate.ofDay(today), i + 2);
                }
                if (s1.equals("night") && shift != 1) {
                    return new DateMatch(ReleaseDate.ofDay(shift < 0 ? today.minusDays(1) : today), i + 2);
                }
                DayOfWeek dow = WEEKDAYS.get(s1);
                if (dow != null) {
                    return new DateMatch(ReleaseDate.ofDay(weekday(today, dow, shift)), i + 2);
                }
                return null;
            }
            case "ahead", "before", "after", "during", "over", "around" -> {
                return matchHoliday(w, i, today);
            }
            case "eve" -> {
                return matchHolidayDay(w, i + 1, today, -1);
            }
            case "first" -> {
                return s1.equals("day") ? matchHolidayDay(w, i + 2, today, 0) : null;
            }
            default -> {
                DayOfWeek dow = WEEKDAYS.get(s);
                if (dow != null) {
                    // "Grok 9 drops Monday": a bare weekday right after a present-tense release verb is ahead
                    return new DateMatch(ReleaseDate.ofDay(weekday(today, dow, isPresentTenseRelease(w, i - 1)
                            ? 2 : 0)), i + 1);
                }
                Integer n = w.get(i).isNumber() ? Integer.valueOf(w.get(i).value()) : NUMBER_WORDS.get(s);
                if (n != null && n <= 60 && w.text(i + 2).equals("ago")) {
                    return switch (s1) {
                        case "day", "days" -> new DateMatch(ReleaseDate.ofDay(today.minusDays(n)), i + 3);
                        case "week", "weeks" -> new DateMatch(ReleaseDate.ofWeek(today.minusWeeks(n)), i + 3);
                        case "month", "months" -> new DateMatch(
                                ReleaseDate.ofMonth(YearMonth.from(today).minusMonths(n)), i + 3);
                        default -> null;
                    };
                }
                return null;
            }
        }
    }

    /** "ahead of the Spring Festival", "before Christmas", "after the holiday": the week before, of or after. */
    private static DateMatch matchHoliday(Words w, int i, LocalDate today) {
        HolidayAt at = holidayAfter(w, i + 1, today);
        if (at == null) {
            return null;
        }
        String s = w.text(i);
        int shift = s.equals("ahead") || s.equals("before") ? -5 : s.equals("after") ? 5 : 0;
        return new DateMatch(ReleaseDate.ofWeek(at.date().plusDays(shift)), at.next());
    }

    /** "the eve of the Spring Festival" (the day before), "the first day of the Lunar New Year" (the day). */
    private static DateMatch matchHolidayDay(Words w, int of, LocalDate today, int shiftDays) {
        if (!w.text(of).equals("of")) {
            return null;
        }
        HolidayAt at = holidayAfter(w, of, today);
        return at == null ? null : new DateMatch(ReleaseDate.ofDay(at.date().plusDays(shiftDays)), at.next());
    }

    private record HolidayAt(LocalDate date, int next) {
    }

    /** The holiday named from token {@code j} on ("of the Spring Festival", "Christmas"), or null. */
    private static HolidayAt holidayAfter(Words w, int j, LocalDate today) {
        if (w.text(j).equals("of")) {
            j++;
        }
        if (w.text(j).equals("the")) {
            j++;
        }
        String a = w.text(j);
        String b = w.text(j + 1);
        String c = w.text(j + 2);
        Optional<LocalDate> holiday;
        int next;
        if (a.equals("spring") && b.equals("festival") || a.equals("lunar") && b.equals("new") && c.equals("year")
                || a.equals("chinese") && b.equals("new") && c.equals("year")) {
            holiday = Holidays.closest(Holidays.Holiday.SPRING_FESTIVAL, today);
            next = a.equals("spring") ? j + 2 : j + 3;
        } else if (a.equals("christmas")) {
            holiday = Holidays.closest(Holidays.Holiday.CHRISTMAS, today);
            next = j + 1;
        } else if (a.equals("holiday") || a.equals("holidays")) {
            holiday = Holidays.nearest(today);
            next = j + 1;
        } else {
            return null;
        }
        return holiday.map(d -> new HolidayAt(d, next)).orElse(null);
    }

    /** "drops", "launches", "arrives": a release verb in the present tense, third person. */
    private static boolean isPresentTenseRelease(Words w, int k) {
        if (k < 0 || !w.get(k).isWord()) {
            return false;
        }
        String t = w.text(k);
        return (w.get(k).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0 && t.endsWith("s")
                && !t.endsWith("ss");
    }

    private static LocalDate weekday(LocalDate today, DayOfWeek dow, int shift) {
        if (shift == 2) {
            return today.with(TemporalAdjusters.nextOrSame(dow));
        }
        if (shift < 0) {
            return today.with(TemporalAdjusters.previous(dow));
        }
        if (shift > 0) {
            return today.with(TemporalAdjusters.next(dow));
        }
        return today.with(TemporalAdjusters.previousOrSame(dow));
    }
}
