package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where everything on the archive's timeline goes, computed before anything is drawn so that no two labels can
 * overlap: one lane per lab that has a dated release in view (a collision's other side included, so a band never
 * reaches a lane that is not drawn), axis ticks at the finest step whose labels fit, and each release label in the
 * first of three rows around its mark where it collides with nothing; a label that fits nowhere is left out (the
 * mark keeps it as a tooltip) and counted.
 *
 * <p>Text widths are estimated on the generous side for common sans-serif fonts (the browser test measures the real
 * boxes), since the server cannot know the reader's font.
 */
record TimelineLayout(int width, int height, List<Lane> lanes, List<Tick> ticks, int axisY, List<Band> bands,
                      List<Mark> marks, int hiddenLabels) {
    static final int WIDTH = 1000;
    static final int LEFT = 150;
    static final int RIGHT = 24;
    static final int TOP = 16;
    static final int LANE = 64;
    static final double RELEASE_FONT = 10;
    static final double LANE_FONT = 13;
    static final double AXIS_FONT = 11;
    /** Horizontal room kept free between two labels of one row. */
    private static final double GAP = 4;
    /** Baseline offsets from a lane's line: the row just above the mark, the row below it, a second row above. */
    private static final int[] ROWS = {-11, 21, -24};
    static final int MAX_BOXES = 24;

    record Lane(String lab, String label, String fullName, int y) {
    }

    /** A vertical grid line at {@code x}; {@code label} is empty on lines too close to the previous label. */
    record Tick(double x, String label) {
    }

    /**
     * A collision: a rounded box around both marks, or, when the view holds more than {@link #MAX_BOXES} of them
     * (boxes over boxes become one smear), a thin line from mark to mark ({@code connector}).
     */
    record Band(StoredCollision collision, double x, double y, double width, double height, boolean connector,
                double xa, double ya, double xb, double yb) {
    }

    /** {@code label} is absent when it did not fit; {@code partner}: shown only as the other side of a collision. */
    record Mark(StoredEvent event, double x, int y, Optional<Label> label, boolean partner) {
    }

    /** A label's text drawn from its left edge at {@code x} on baseline {@code y}; its box is estimated. */
    record Label(String text, double x, double y, double boxWidth) {
    }

    /** Nothing dated to draw. */
    boolean isEmpty() {
        return marks.isEmpty();
    }

    static TimelineLayout of(Map<String, String> labNames, List<StoredEvent> events,
                             List<StoredCollision> collisions) {
        Map<String, StoredEvent> dated = new LinkedHashMap<>();
        for (StoredEvent e : events) {
            if (e.date().isPresent()) {
                dated.putIfAbsent(e.id(), e);
            }
        }
        List<StoredCollision> drawable = collisions.stream()
                .filter(c -> c.a().date().isPresent() && c.b().date().isPresent()).toList();
        Map<String, StoredEvent> partners = new LinkedHashMap<>();
        for (StoredCollision c : drawable) {
            for (StoredEvent side : List.of(c.a(), c.b())) {
                if (!dated.containsKey(side.id())) {
                    partners.putIfAbsent(side.id(), side);
                }
            }
        }
        if (dated.isEmpty() && partners.isEmpty()) {
            return new TimelineLayout(WIDTH, TOP + 40, List.of(), List.of(), TOP + 30, List.of(), List.of(), 0);
        }
        Function<String, String> name = lab -> labNames.getOrDefault(lab, lab);
        TreeMap<String, String> labsByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (StoredEvent e : dated.values()) {
            labsByName.putIfAbsent(name.apply(e.lab()) + "\u0000" + e.lab(), e.lab());
        }
        for (StoredEvent e : partners.values()) {
            labsByName.putIfAbsent(name.apply(e.lab()) + "\u0000" + e.lab(), e.lab());
        }
        List<Lane> lanes = new ArrayList<>();
        Map<String, Integer> laneY = new LinkedHashMap<>();
        for (String lab : labsByName.values()) {
            int y = TOP + lanes.size() * LANE + LANE / 2;
            String full = name.apply(lab);
            lanes.add(new Lane(lab, fit(full, LEFT - 16, LANE_FONT), full, y));
            laneY.put(lab, y);
        }

        List<StoredEvent> all = new ArrayList<>(dated.values());
        all.addAll(partners.values());
        LocalDate first = all.stream().map(e -> e.date().get()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = all.stream().map(e -> e.date().get()).max(LocalDate::compareTo).orElseThrow();
        long pad = Math.max(2, ChronoUnit.DAYS.between(first, last) / 40);
        Scale scale = new Scale(first.minusDays(pad), last.plusDays(pad));

        int axisY = TOP + lanes.size() * LANE + 14;
        List<Tick> ticks = ticks(scale);

        List<Band> bands = new ArrayList<>();
        boolean connectors = drawable.size() > MAX_BOXES;
        for (StoredCollision c : drawable) {
            double xa = scale.x(c.a().date().get());
            double xb = scale.x(c.b().date().get());
            int ya = laneY.get(c.a().lab());
            int yb = laneY.get(c.b().lab());
            double left = Math.min(xa, xb) - 8;
            double right = Math.max(xa, xb) + 8;
            int top = Math.min(ya, yb) - 9;
            int bottom = Math.max(ya, yb) + 9;
            bands.add(new Band(c, left, top, right - left, bottom - top, connectors, xa, ya, xb, yb));
        }

        // labels: earlier releases first, in each lane left to right, so a crowded stretch keeps its first names
        List<Mark> marks = new ArrayList<>();
        Map<String, List<double[]>> taken = new LinkedHashMap<>();
        int hidden = 0;
        List<StoredEvent> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparing((StoredEvent e) -> e.date().get()).thenComparing(StoredEvent::model));
        for (StoredEvent e : ordered) {
            double x = scale.x(e.date().get());
            int y = laneY.get(e.lab());
            String text = e.model();
            double w = textWidth(text, RELEASE_FONT);
            double left = Math.max(LEFT, Math.min(x - w / 2, WIDTH - RIGHT - w));
            Optional<Label> label = Optional.empty();
            if (left >= LEFT) { // a label wider than the whole plot is never drawn
                for (int row = 0; row < ROWS.length && label.isEmpty(); row++) {
                    List<double[]> used = taken.computeIfAbsent(e.lab() + "#" + row, k -> new ArrayList<>());
                    double l = left;
                    if (used.stream().noneMatch(span -> l < span[1] + GAP && l + w + GAP > span[0])) {
                        used.add(new double[] {l, l + w});
                        label = Optional.of(new Label(text, l, y + ROWS[row], w));
                    }
                }
            }
            if (label.isEmpty()) {
                hidden++;
            }
            marks.add(new Mark(e, x, y, label, partners.containsKey(e.id())));
        }
        int height = axisY + 24;
        return new TimelineLayout(WIDTH, height, lanes, ticks, axisY, bands, marks, hidden);
    }

    /** Days to x: the plot runs from {@code LEFT} to {@code WIDTH - RIGHT}. */
    private record Scale(LocalDate from, LocalDate to) {
        double x(LocalDate day) {
            double span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, day) / span;
        }
    }

    /** The finest of days, weeks, months, quarters, half-years and years whose widest label fits its spacing. */
    private static List<Tick> ticks(Scale scale) {
        record Step(String unit, int size) {
        }
        List<Step> steps = List.of(new Step("day", 1), new Step("week", 1), new Step("month", 1),
                new Step("month", 2), new Step("month", 3), new Step("month", 6),
                new Step("year", 1), new Step("year", 2), new Step("year", 5),
                new Step("year", 10));
        for (Step step : steps) {
            List<LocalDate> days = new ArrayList<>();
            LocalDate d = switch (step.unit()) {
                case "day" -> scale.from();
                case "week" -> scale.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                case "month" -> {
                    LocalDate m = scale.from().withDayOfMonth(1);
                    while (m.getMonthValue() % step.size() != 1 % step.size() || m.isBefore(scale.from())) {
                        m = m.plusMonths(1);
                    }
                    yield m;
                }
                default -> {
                    LocalDate y = scale.from().withDayOfYear(1);
                    while (y.getYear() % step.size() != 0 || y.isBefore(scale.from())) {
                        y = y.plusYears(1);
                    }
                    yield y;
                }
            };
            while (!d.isAfter(scale.to())) {
                days.add(d);
                d = switch (step.unit()) {
                    case "day" -> d.plusDays(1);
                    case "week" -> d.plusWeeks(1);
                    case "month" -> d.plusMonths(step.size());
                    default -> d.plusYears(step.size());
                };
            }
            List<Tick> ticks = new ArrayList<>();
            double lastRight = Double.NEGATIVE_INFINITY;
            boolean fits = true;
            LocalDate previous = null;
            for (LocalDate day : days) {
                String label = tickLabel(step.unit(), day, previous);
                double x = scale.x(day);
                double w = textWidth(label, AXIS_FONT);
                if (x + w / 2 > WIDTH - 2) { // a line near the right edge keeps no label rather than a cut one
                    ticks.add(new Tick(x, ""));
                    continue;
                }
                if (x - w / 2 < lastRight + 6) {
                    fits = false;
                    break;
                }
                lastRight = x + w / 2;
                ticks.add(new Tick(x, label));
                previous = day;
            }
            // the labels must fit and there must be more than one tick to read a scale from
            if (fits && (days.size() >= 2 || step.unit().equals("year") && step.size() == 10)) {
                return ticks;
            }
        }
        return List.of();
    }

    /** The year is written on the first tick and wherever it changes; otherwise the short month or day. */
    private static String tickLabel(String unit, LocalDate day, LocalDate previous) {
        String month = day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        boolean newYear = previous == null || previous.getYear() != day.getYear();
        return switch (unit) {
            case "day", "week" -> month + " " + day.getDayOfMonth() + (newYear ? ", " + day.getYear() : "");
            case "month" -> newYear ? month + " " + day.getYear() : month;
            default -> Integer.toString(day.getYear());
        };
    }

    /** The text cut with an ellipsis so that it fits {@code room} pixels. */
    static String fit(String text, double room, double fontSize) {
        if (textWidth(text, fontSize) <= room) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (textWidth(cut + new String(Character.toChars(cp)) + "\u2026", fontSize) > room) {
                break;
            }
            cut.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return cut.toString().strip() + "\u2026";
    }

    /**
     * A generous estimate of the text's width: wide glyphs (CJK, capitals M and W) at a full em, other capitals and
     * digits at 0.7 em, narrow punctuation at 0.35 em, the rest at 0.62 em; bold lane labels fit since the estimate
     * is above DejaVu Sans Bold's average.
     */
    static double textWidth(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA
                    || cp == 'M' || cp == 'W' || cp == 'm' || cp == 'w' || cp == '\u2026') {
                em += 1.0;
            } else if (cp == '.' || cp == ',' || cp == 'i' || cp == 'l' || cp == 'j' || cp == '\'' || cp == '|'
                    || cp == ' ' || cp == ':' || cp == ';' || cp == '!' || cp == 'I' || cp == 'f' || cp == 't'
                    || cp == '(' || cp == ')' || cp == '-') {
                em += 0.42;
            } else if (Character.isUpperCase(cp) || Character.isDigit(cp)) {
                em += 0.74;
            } else {
                em += 0.64;
            }
        }
        return em * fontSize + 1;
    }
}
