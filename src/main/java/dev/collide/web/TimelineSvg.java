package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive page's timeline as inline SVG: one horizontal lane per lab, a mark per dated release event (a link to
 * its page), and each collision as a translucent band joining its two releases across their lanes.
 */
final class TimelineSvg {
    static final int WIDTH = 1000;
    private static final int LEFT = 140;
    private static final int RIGHT = 30;
    private static final int TOP = 30;
    private static final int LANE = 56;

    private TimelineSvg() {
    }

    /** {@code labNames}: lab id to display name, in lane order; labs of events not in it get a lane at the end. */
    static String render(Map<String, String> labNames, List<StoredEvent> events, List<StoredCollision> collisions) {
        List<StoredEvent> dated = events.stream().filter(e -> e.date().isPresent()).toList();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        for (String lab : labNames.keySet()) {
            lanes.put(lab, lanes.size());
        }
        for (StoredEvent e : dated) {
            lanes.putIfAbsent(e.lab(), lanes.size());
        }
        int height = TOP + lanes.size() * LANE + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\"><title>Release timeline, one lane per lab</title>");
        if (dated.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(TOP + 20)
                    .append("\">No dated releases match these filters.</text></svg>");
            return svg.toString();
        }
        LocalDate first = dated.stream().map(e -> e.date().get()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dated.stream().map(e -> e.date().get()).max(LocalDate::compareTo).orElseThrow();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        List<String> laneOrder = new ArrayList<>(lanes.keySet());
        for (int i = 0; i < laneOrder.size(); i++) {
            String lab = laneOrder.get(i);
            int y = laneY(i);
            svg.append("<g class=\"lane\" data-lab=\"").append(Html.escape(lab)).append("\">")
                    .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\" stroke=\"#ccc\"/>")
                    .append("<text class=\"lane-label\" x=\"8\" y=\"").append(y + 4).append("\">")
                    .append(Html.escape(labNames.getOrDefault(lab, lab))).append("</text></g>");
        }
        // axis: first and last day
        int axisY = TOP + lanes.size() * LANE + 10;
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(axisY).append("\">")
                .append(first).append("</text><text class=\"axis\" text-anchor=\"end\" x=\"").append(WIDTH - RIGHT)
                .append("\" y=\"").append(axisY).append("\">").append(last).append("</text>");
        for (StoredCollision c : collisions) {
            if (c.a().date().isEmpty() || c.b().date().isEmpty() || !lanes.containsKey(c.a().lab())
                    || !lanes.containsKey(c.b().lab())) {
                continue;
            }
            double xa = x(c.a().date().get(), first, span);
            double xb = x(c.b().date().get(), first, span);
            int ya = laneY(lanes.get(c.a().lab()));
            int yb = laneY(lanes.get(c.b().lab()));
            double left = Math.min(xa, xb) - 7;
            double right = Math.max(xa, xb) + 7;
            int top = Math.min(ya, yb) - 10;
            int bottom = Math.max(ya, yb) + 10;
            svg.append("<a href=\"/collisions/").append(Html.escape(c.id())).append("\" class=\"collision\"")
                    .append(" data-collision-id=\"").append(Html.escape(c.id())).append("\">")
                    .append("<title>").append(Html.escape(Describe.collision(c))).append("</title>")
                    .append("<rect x=\"").append(fmt(left)).append("\" y=\"").append(top).append("\" width=\"")
                    .append(fmt(right - left)).append("\" height=\"").append(bottom - top)
                    .append("\" rx=\"6\" fill=\"#e4572e\" fill-opacity=\"0.25\" stroke=\"#e4572e\"/></a>");
        }
        for (StoredEvent e : dated) {
            double x = x(e.date().get(), first, span);
            int y = laneY(lanes.get(e.lab()));
            svg.append("<a href=\"/events/").append(Html.escape(e.id())).append("\" class=\"release\"")
                    .append(" data-event-id=\"").append(Html.escape(e.id())).append("\" data-lab=\"")
                    .append(Html.escape(e.lab())).append("\">")
                    .append("<title>").append(Html.escape(Describe.event(e))).append("</title>")
                    .append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(y)
                    .append("\" r=\"6\" fill=\"#29335c\"/>")
                    .append("<text class=\"release-label\" x=\"").append(fmt(x)).append("\" y=\"").append(y - 12)
                    .append("\" text-anchor=\"").append(anchor(x)).append("\">").append(Html.escape(e.model()))
                    .append("</text></a>");
        }
        return svg.append("</svg>").toString();
    }

    /** Labels near either end are anchored inwards so they are not cut off by the edge of the plot. */
    private static String anchor(double x) {
        if (x > WIDTH - RIGHT - 60) {
            return "end";
        }
        return x < LEFT + 60 ? "start" : "middle";
    }

    private static int laneY(int lane) {
        return TOP + lane * LANE + LANE / 2;
    }

    private static double x(LocalDate date, LocalDate first, long span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, date) / span;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
