package dev.collide.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads dates from one sentence (issue #3): absolute ("April 24th", "24 April 2026", "2026-04-24", "04/27 2026",
 * "2026年4月24日"), relative to the article's day ("yesterday", "last Friday", "this week", "earlier this month"),
 * relative to the previous date in the article ("a month later", "the same day") and vague ("in January 2025",
 * "ahead of the Spring Festival", "late last month"), each with its precision. Without an article day only absolute
 * dates with a year are read. Works on {@link Words} tokens in one pass; thread-safe.
 */
final class ReleaseDateReader {
    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday",
            DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
            DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("few", 3), Map.entry("several", 3));
    /** A bare month name is a date only after one of these ("in January"), so "may" the verb is not. */
    private static final Set<String> MONTH_LEAD = Set.of("in", "early", "late", "mid", "since", "until", "by",
            "during", "of", "last", "this", "next", "from", "before", "after", "around", "end", "beginning");
    private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th");

    /**
     * Dates in {@code [from, to)} of {@code text}, in order. {@code anchor} is the last date read earlier in the
     * article, for "a month later" and "the same day".
     */
    List<DateSpan> read(String text, int from, int to, Words w, Optional<LocalDate> today,
                        Optional<ReleaseDate> anchor) {
        List<DateSpan> spans = new ArrayList<>();
        Optional<ReleaseDate> last = anchor;
        int i = 0;
        while (i < w.size()) {
            if ((w.get(i).bits() & Lexicon.DATE_START) == 0) {
                i++;
                continue;
            }
            Match m = match(w, i, today, last);
            if (m != null) {
                spans.add(new DateSpan(w.get(i).start(), w.get(m.next - 1).end(), m.date));
                last = Optional.of(m.date);
                i = m.next;
            } else {
                i++;
            }
        }
        if (w.hasHan()) {
            ChineseDates.read(text, from, to, today, spans);
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return spans;
    }

    private record Match(ReleaseDate date, int next) {
    }

    private Match match(Words w, int i, Optional<LocalDate> today, Optional<ReleaseDate> anchor) {
        Words.Token t = w.get(i);
        if (t.isNumber()) {
            return matchNumeric(w, i, today);
        }
        if (!t.isWord()) {
            return null;
        }
        String s = t.text();
        Integer month = MONTHS.get(s);
        if (month != null) {
            return matchMonthFirst(w, i, month, today, w.text(i - 1));
        }
        int dash = s.indexOf('-');
        if (dash > 0 && MONTHS.containsKey(s.substring(dash + 1)) && MONTH_LEAD.contains(s.substring(0, dash))) {
            // "mid-March", "early-January": one token, the lead glued to the month
            return matchMonthFirst(w, i, MONTHS.get(s.substring(dash + 1)), today, s.substring(0, dash));
        }
        Match m = matchAnchored(w, i, anchor);
        if (m != null || today.isEmpty()) {
            return m;
        }
        return matchRelative(w, i, today.get());
    }

    private Match matchNumeric(Words w, int i, Optional<LocalDate> today) {
        Words.Token t = w.get(i);
        String sep = w.text(i + 1);
        // 2026-04-24, 2026/04/24, 2026.04.24
        if (t.text().length() == 4 && (sep.equals("-") || sep.equals("/") || sep.equals("."))
                && isNum(w, i + 2, 2) && w.text(i + 3).equals(sep) && isNum(w, i + 4, 2)
                && adjacent(w, i, i + 4)) {
            return day(t.value(), w.get(i + 2).value(), w.get(i + 4).value(), i + 5);
        }
        // 04/27 2026, 04/27/2026 (US order), 27/04/2026 when the first number cannot be a month
        if (t.text().length() <= 2 && sep.equals("/") && isNum(w, i + 2, 2)) {
            int j = w.text(i + 3).equals("/") ? i + 4 : i + 3;
            if (isNum(w, j, 4) && w.get(j).text().length() == 4) {
                int a = t.value();
                int b = w.get(i + 2).value();
                return a > 12 ? day(w.get(j).value(), b, a, j + 1) : day(w.get(j).value(), a, b, j + 1);
            }
            return null;
        }
        // 24 April 2026, 24th of April
        if (t.text().length() <= 2 && t.value() >= 1 && t.value() <= 31) {
            int j = i + 1;
            if (ORDINALS.contains(w.text(j)) && w.get(j).start() == t.end()) {
                j++;
            }
            if (w.text(j).equals("of")) {
                j++;
            }
            Integer month = MONTHS.get(w.text(j));
            if (month != null && !w.text(j).equals("may") || month != null && isNum(w, j + 1, 4)) {
                int k = j + 1;
                if (w.text(k).equals(".")) {
                    k++;
                }
                if (w.text(k).equals(",") && isNum(w, k + 1, 4)) {
                    k++;
                }
                if (isNum(w, k, 4) && w.get(k).text().length() == 4) {
                    return day(w.get(k).value(), month, t.value(), k + 1);
                }
                return inferDay(today, month, t.value(), k);
            }
        }
        return null;
    }

    private Match matchMonthFirst(Words w, int i, int month, Optional<LocalDate> today, String lead) {
        int j = i + 1;
        if (w.text(j).equals(".")) {
            j++;
        }
        if (isNum(w, j, 2) && w.get(j).value() >= 1 && w.get(j).value() <= 31) {
            int dayOfMonth = w.get(j).value();
            int k = j + 1;
            if (ORDINALS.contains(w.text(k)) && w.get(k).start() == w.get(j).end()) {
                k++;
            }
            int y = w.text(k).equals(",") ? k + 1 : k;
            if (isNum(w, y, 4) && w.get(y).text().length() == 4) {
                return day(w.get(y).value(), month, dayOfMonth, y + 1);
            }
            return inferDay(today, month, dayOfMonth, k);
        }
        if (isNum(w, j, 4) && w.get(j).text().length() == 4) {
            return monthOf(w.get(j).value(), month, j + 1);
        }
        if (!MONTH_LEAD.contains(lead) || today.isEmpty()) {
            return null;
        }
        YearMonth current = YearMonth.from(today.get());
        YearMonth candidate = YearMonth.of(current.getYear(), month);
        if (lead.equals("next")) {
            candidate = candidate.isAfter(current) ? candidate : candidate.plusYears(1);
        } else if (lead.equals("last")) {
            candidate = candidate.isBefore(current) ? candidate : candidate.minusYears(1);
        } else if (candidate.isAfter(current)) {
            // News reports the past: "in late July" read in May is last July.
            candidate = candidate.minusYears(1);
        }
        return new Match(ReleaseDate.ofMonth(candidate), i + 1);
    }

    /** "the same day", "a month later", "the following week": relative to the previous date in the article. */
    private Match matchAnchored(Words w, int i, Optional<ReleaseDate> anchor) {
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
            return shifted(a, unit, n, i + 3);
        }
        if ((s.equals("hours") || s.equals("minutes") || s.equals("days") || s.equals("weeks"))
                && s1.equals("later")) {
            return shifted(a, s.equals("weeks") ? "week" : "day", s.equals("days") ? 2 : s.equals("weeks") ? 2 : 0,
                    i + 2);
        }
        return null;
    }

    private static Match shifted(ReleaseDate anchor, String unit, int n, int next) {
        LocalDate base = anchor.date();
        Precision p = anchor.precision() == Precision.INSTANT ? Precision.DAY : anchor.precision();
        return switch (unit) {
            case "day" -> new Match(coarser(base.plusDays(n), Precision.DAY, p), next);
            case "week" -> new Match(coarser(base.plusWeeks(n), Precision.WEEK, p), next);
            case "month" -> new Match(ReleaseDate.ofMonth(YearMonth.from(base.plusMonths(n))), next);
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

    private Match matchRelative(Words w, int i, LocalDate today) {
        String s = w.text(i);
        String s1 = w.text(i + 1);
        switch (s) {
            case "today", "tonight" -> {
                return new Match(ReleaseDate.ofDay(today), i + 1);
            }
            case "yesterday" -> {
                return new Match(ReleaseDate.ofDay(today.minusDays(1)), i + 1);
            }
            case "tomorrow" -> {
                return new Match(ReleaseDate.ofDay(today.plusDays(1)), i + 1);
            }
            case "this", "last", "next" -> {
                int shift = s.equals("this") ? 0 : s.equals("last") ? -1 : 1;
                if (s1.equals("week")) {
                    return new Match(ReleaseDate.ofWeek(today.plusWeeks(shift)), i + 2);
                }
                if (s1.equals("month")) {
                    return new Match(ReleaseDate.ofMonth(YearMonth.from(today).plusMonths(shift)), i + 2);
                }
                if (s1.equals("morning") || s1.equals("afternoon") || s1.equals("evening")) {
                    return new Match(ReleaseDate.ofDay(today), i + 2);
                }
                if (s1.equals("night") && shift != 1) {
                    return new Match(ReleaseDate.ofDay(shift < 0 ? today.minusDays(1) : today), i + 2);
                }
                DayOfWeek dow = WEEKDAYS.get(s1);
                if (dow != null) {
                    return new Match(ReleaseDate.ofDay(weekday(today, dow, shift)), i + 2);
                }
                return null;
            }
            case "ahead", "before", "after", "during", "over", "around" -> {
                return matchHoliday(w, i, today);
            }
            default -> {
                DayOfWeek dow = WEEKDAYS.get(s);
                if (dow != null) {
                    return new Match(ReleaseDate.ofDay(weekday(today, dow, 0)), i + 1);
                }
                Integer n = w.get(i).isNumber() ? Integer.valueOf(w.get(i).value()) : NUMBER_WORDS.get(s);
                if (n != null && n <= 60 && w.text(i + 2).equals("ago")) {
                    return switch (s1) {
                        case "day", "days" -> new Match(ReleaseDate.ofDay(today.minusDays(n)), i + 3);
                        case "week", "weeks" -> new Match(ReleaseDate.ofWeek(today.minusWeeks(n)), i + 3);
                        case "month", "months" -> new Match(ReleaseDate.ofMonth(YearMonth.from(today).minusMonths(n)),
                                i + 3);
                        default -> null;
                    };
                }
                return null;
            }
        }
    }

    /** "ahead of the Spring Festival", "before Christmas", "after the holiday": the week before, of or after. */
    private Match matchHoliday(Words w, int i, LocalDate today) {
        int j = i + 1;
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
        if (holiday.isEmpty()) {
            return null;
        }
        String s = w.text(i);
        int shift = s.equals("ahead") || s.equals("before") ? -5 : s.equals("after") ? 5 : 0;
        return new Match(ReleaseDate.ofWeek(holiday.get().plusDays(shift)), next);
    }

    private static LocalDate weekday(LocalDate today, DayOfWeek dow, int shift) {
        if (shift < 0) {
            return today.with(TemporalAdjusters.previous(dow));
        }
        if (shift > 0) {
            return today.with(TemporalAdjusters.next(dow));
        }
        return today.with(TemporalAdjusters.previousOrSame(dow));
    }

    private static Match inferDay(Optional<LocalDate> today, int month, int dayOfMonth, int next) {
        if (today.isEmpty()) {
            return null;
        }
        int year = today.get().getYear();
        Match m = day(year, month, dayOfMonth, next);
        // News reports the past: a day well after the article's date is last year's.
        if (m != null && m.date.date().isAfter(today.get().plusDays(31))) {
            return day(year - 1, month, dayOfMonth, next);
        }
        return m;
    }

    private static Match day(int year, int month, int dayOfMonth, int next) {
        try {
            return new Match(ReleaseDate.ofDay(LocalDate.of(year, month, dayOfMonth)), next);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Match monthOf(int year, int month, int next) {
        try {
            return new Match(ReleaseDate.ofMonth(YearMonth.of(year, month)), next);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isNum(Words w, int i, int maxDigits) {
        return i < w.size() && w.get(i).isNumber() && w.get(i).text().length() <= maxDigits;
    }

    private static boolean adjacent(Words w, int from, int to) {
        for (int k = from; k < to; k++) {
            if (w.get(k).end() != w.get(k + 1).start()) {
                return false;
            }
        }
        return true;
    }
}
