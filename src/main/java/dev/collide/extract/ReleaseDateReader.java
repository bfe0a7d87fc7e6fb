package dev.collide.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads dates from one sentence (issue #3): absolute ("April 24th", "24 April 2026", "2026-04-24", "2026-04" (a month), "04/27 2026",
 * "2026年4月24日"), relative to the article's day ("yesterday", "last Friday", "this week", "earlier this month"),
 * relative to the previous date in the article ("a month later", "the same day") and vague ("in January 2025",
 * "ahead of the Spring Festival", "late last month"), each with its precision. Without an article day only absolute
 * dates with a year are read. Works on {@link Words} tokens in one pass; thread-safe.
 */
final class ReleaseDateReader {
    static final Map<String, Integer> MONTHS = Vocabulary.copyOf(Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12)));
    /** A bare month name is a date only after one of these ("in January"), so "may" the verb is not. */
    private static final Set<String> MONTH_LEAD = Vocabulary.of("in", "early", "late", "mid", "since", "until", "by",
            "during", "of", "last", "this", "next", "from", "before", "after", "around", "end", "beginning");
    private static final Set<String> ORDINALS = Vocabulary.of("st", "nd", "rd", "th");
    private final EventDates events;

    ReleaseDateReader(EventDates events) {
        this.events = events;
    }

    /**
     * Dates in {@code [from, to)} of {@code text}, in order. {@code anchor} is the last date read earlier in the
     * article, for "a month later" and "the same day".
     */
    List<DateSpan> read(String text, int from, int to, Words w, Optional<LocalDate> today,
                        Optional<ReleaseDate> anchor) {
        List<DateSpan> spans = new ArrayList<>();
        DateSpan event = null;
        Optional<ReleaseDate> last = anchor;
        int i = 0;
        while (i < w.size()) {
            int bits = w.get(i).bits();
            if ((bits & (Lexicon.DATE_START | Lexicon.EVENT)) == 0) {
                i++;
                continue;
            }
            DateMatch e = (bits & Lexicon.EVENT) != 0 && event == null && today.isPresent()
                    ? events.match(w, i, today.get()) : null;
            if (e != null) {
                event = new DateSpan(w.get(i).start(), w.get(e.next() - 1).end(), e.date());
                i = e.next();
                continue;
            }
            if ((bits & Lexicon.DATE_START) == 0) {
                i++;
                continue;
            }
            DateMatch m = match(w, i, today, last);
            if (m != null) {
                spans.add(new DateSpan(w.get(i).start(), w.get(m.next() - 1).end(), m.date()));
                last = Optional.of(m.date());
                i = m.next();
            } else {
                i++;
            }
        }
        if (w.hasHan()) {
            ChineseDates.read(text, from, to, today, spans);
        }
        if (event != null && spans.isEmpty()) {
            spans.add(event); // "at re:Invent 2031" dates a release only when the sentence states no other date
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return spans;
    }

    private DateMatch match(Words w, int i, Optional<LocalDate> today, Optional<ReleaseDate> anchor) {
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
        DateMatch m = RelativeDateReader.matchAnchored(w, i, anchor);
        if (m != null || today.isEmpty()) {
            return m;
        }

        return RelativeDateReader.matchRelative(w, i, today.get());
    }

    private DateMatch matchNumeric(Words w, int i, Optional<LocalDate> today) {
        Words.Token t = w.get(i);
        String sep = w.text(i + 1);
        // 2026-04-24, 2026/04/24, 2026.04.24
        if (t.text().length() == 4 && (sep.equals("-") || sep.equals("/") || sep.equals("."))
                && isNum(w, i + 2, 2) && w.text(i + 3).equals(sep) && isNum(w, i + 4, 2)
                && adjacent(w, i, i + 4)) {
            return day(t.value(), w.get(i + 2).value(), w.get(i + 4).value(), i + 5);
        }
        // 2026-04 in a table cell or a change log ("Doubao-1.5-Pro 2025-01"): a month; not "2024-25" (two years)
        if (t.text().length() == 4 && (sep.equals("-") || sep.equals("/")) && w.get(i + 2).isNumber()
                && w.text(i + 2).length() == 2 && adjacent(w, i, i + 2) && t.value() >= 1990 && t.value() < 2100
                && w.get(i + 2).value() >= 1 && w.get(i + 2).value() <= 12
                && !(w.text(i + 3).equals(sep) && w.get(i + 4 < w.size() ? i + 4 : i + 2).isNumber())) {
            return monthOf(t.value(), w.get(i + 2).value(), i + 3);
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

    private DateMatch matchMonthFirst(Words w, int i, int month, Optional<LocalDate> today, String lead) {
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
        return new DateMatch(ReleaseDate.ofMonth(candidate), i + 1);
    }

    private static DateMatch inferDay(Optional<LocalDate> today, int month, int dayOfMonth, int next) {
        if (today.isEmpty()) {
            return null;
        }
        int year = today.get().getYear();
        DateMatch m = day(year, month, dayOfMonth, next);
        // News reports the past: a day well after the article's date is last year's.
        if (m != null && m.date().date().isAfter(today.get().plusDays(31))) {
            return day(year - 1, month, dayOfMonth, next);
        }
        return m;
    }

    private static DateMatch day(int year, int month, int dayOfMonth, int next) {
        try {
            return new DateMatch(ReleaseDate.ofDay(LocalDate.of(year, month, dayOfMonth)), next);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DateMatch monthOf(int year, int month, int next) {
        try {
            return new DateMatch(ReleaseDate.ofMonth(YearMonth.of(year, month)), next);
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
