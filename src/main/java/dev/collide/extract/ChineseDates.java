package dev.collide.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** Chinese dates: "2026年4月24日", "4月24号", "2025年1月", and 昨天, 今天, 前天, 上周, 本周, 本月, 上个月. */
final class ChineseDates {
    private ChineseDates() {
    }

    static void read(String text, int from, int to, Optional<LocalDate> today, List<DateSpan> out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '月') {
                readMonth(text, from, to, i, today, out);
            } else if (c >= 0x4E00 && today.isPresent()) {
                readRelative(text, i, to, today.get(), out);
            }
        }
    }

    private static void readMonth(String text, int from, int to, int monthChar, Optional<LocalDate> today,
                                  List<DateSpan> out) {
        // Catalogues space the parts: "2031 年 3 月 9 日".
        int me = monthChar;
        while (me > from && text.charAt(me - 1) == ' ') {
            me--;
        }
        int ms = me;
        while (ms > from && me - ms < 2 && isDigit(text.charAt(ms - 1))) {
            ms--;
        }
        if (ms == me) {
            return;
        }
        int month = Integer.parseInt(text.substring(ms, me));
        int start = ms;
        Integer year = null;
        int ye = ms;
        while (ye > from && text.charAt(ye - 1) == ' ') {
            ye--;
        }
        if (ye > from && text.charAt(ye - 1) == '年') {
            ye--;
            while (ye > from && text.charAt(ye - 1) == ' ') {
                ye--;
            }
            if (ye - 4 >= from && isDigits(text, ye - 4, ye)) {
                year = Integer.parseInt(text.substring(ye - 4, ye));
                start = ye - 4;
            }
        }
        int ds = monthChar + 1;
        while (ds < to && ds - monthChar < 3 && text.charAt(ds) == ' ') {
            ds++;
        }
        int de = ds;
        while (de < to && de - ds < 2 && isDigit(text.charAt(de))) {
            de++;
        }
        try {
            int dayChar = de;
            while (dayChar < to && dayChar - de < 2 && text.charAt(dayChar) == ' ') {
                dayChar++;
            }
            if (de > ds && dayChar < to && (text.charAt(dayChar) == '日' || text.charAt(dayChar) == '号')) {
                int day = Integer.parseInt(text.substring(ds, de));
                de = dayChar;
                LocalDate date;
                if (year != null) {
                    date = LocalDate.of(year, month, day);
                } else if (today.isPresent()) {
                    date = LocalDate.of(today.get().getYear(), month, day);
                    if (date.isAfter(today.get().plusDays(31))) {
                        date = date.minusYears(1);
                    }
                } else {
                    return;
                }
                out.add(new DateSpan(start, de + 1, ReleaseDate.ofDay(date)));
            } else if (year != null) {
                out.add(new DateSpan(start, monthChar + 1, ReleaseDate.ofMonth(YearMonth.of(year, month))));
            } else if (today.isPresent()) {
                YearMonth ym = YearMonth.of(today.get().getYear(), month);
                if (ym.isAfter(YearMonth.from(today.get()).plusMonths(2))) {
                    ym = ym.minusYears(1);
                }
                out.add(new DateSpan(start, monthChar + 1, ReleaseDate.ofMonth(ym)));
            }
        } catch (DateTimeException e) {
            // "13月" or "2月30日": not a date, nothing to read.
        }
    }

    private static void readRelative(String text, int i, int to, LocalDate today, List<DateSpan> out) {
        String two = i + 2 <= to ? text.substring(i, i + 2) : "";
        String three = i + 3 <= to ? text.substring(i, i + 3) : "";
        ReleaseDate date = switch (three) {
            case "上个月" -> ReleaseDate.ofMonth(YearMonth.from(today).minusMonths(1));
            case "这个月" -> ReleaseDate.ofMonth(YearMonth.from(today));
            default -> null;
        };
        int len = 3;
        if (date == null) {
            len = 2;
            date = switch (two) {
                case "昨天", "昨日" -> ReleaseDate.ofDay(today.minusDays(1));
                case "今天", "今日" -> ReleaseDate.ofDay(today);
                case "前天" -> ReleaseDate.ofDay(today.minusDays(2));
                case "上周" -> ReleaseDate.ofWeek(today.minusWeeks(1));
                case "本周", "这周" -> ReleaseDate.ofWeek(today);
                case "本月" -> ReleaseDate.ofMonth(YearMonth.from(today));
                case "上月" -> ReleaseDate.ofMonth(YearMonth.from(today).minusMonths(1));
                default -> null;
            };
        }
        boolean lastWeekday = two.equals("上周") && i + 2 < to && weekday(text.charAt(i + 2)) > 0;
        if (date == null || lastWeekday) {
            readWeekday(text, i, to, today, out);
        } else {
            out.add(new DateSpan(i, i + len, date));
        }
    }

    /** 周二, 星期五: the last such day on or before the article's; 上周五: Friday of last week. */
    private static void readWeekday(String text, int i, int to, LocalDate today, List<DateSpan> out) {
        boolean last = text.startsWith("上周", i) || text.startsWith("上星期", i);
        int p = last ? i + 1 : i;
        if (text.startsWith("周", p) && (i == 0 || text.charAt(i - 1) != '上' || last)) {
            p += 1;
        } else if (text.startsWith("星期", p)) {
            p += 2;
        } else {
            return;
        }
        if (p >= to || weekday(text.charAt(p)) == 0 || (!last && i > 0 && text.charAt(i - 1) == '上')) {
            return;
        }
        DayOfWeek dow = DayOfWeek.of(weekday(text.charAt(p)));
        // 上周五: Friday of the previous calendar week (Chinese weeks start on Monday).
        LocalDate d = last ? today.minusDays(today.getDayOfWeek().getValue() - 1).minusWeeks(1)
                .plusDays(dow.getValue() - 1L) : today.with(TemporalAdjusters.previousOrSame(dow));
        out.add(new DateSpan(i, p + 1, ReleaseDate.ofDay(d)));
    }

    private static int weekday(char c) {
        return switch (c) {
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '日', '天' -> 7;
            default -> 0;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
