package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The archive page's timeline as inline SVG, drawn from a {@link TimelineLayout}: one lane per lab with releases in
 * view, month (or finer, or coarser) grid lines, a mark per dated release event (a link to its page) with its name
 * where it fits, and each collision as a translucent band joining its two releases across their lanes.
 */
final class TimelineSvg {
    private TimelineSvg() {
    }

    /** {@code labNames}: lab id to display name; lanes are in display-name order. */
    static String render(Map<String, String> labNames, List<StoredEvent> events, List<StoredCollision> collisions) {
        return render(TimelineLayout.of(labNames, events, collisions));
    }

    static String render(TimelineLayout layout) {
        StringBuilder svg = new StringBuilder();
        int height = layout.height() + (layout.hiddenLabels() > 0 ? 18 : 0);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 ")
                .append(layout.width()).append(' ').append(height).append("\" width=\"").append(layout.width())
                .append("\" height=\"").append(height).append("\"><title>Release timeline, one lane per lab</title>");
        if (layout.isEmpty()) {
            return svg.append("<text x=\"").append(TimelineLayout.LEFT).append("\" y=\"")
                    .append(TimelineLayout.TOP + 20).append("\">No dated releases match these filters.</text></svg>")
                    .toString();
        }
        int plotBottom = layout.axisY() - 14;
        Map<String, String> names = new java.util.HashMap<>();
        layout.lanes().forEach(lane -> names.put(lane.lab(), lane.fullName()));
        svg.append("<g class=\"grid\">");
        for (TimelineLayout.Tick t : layout.ticks()) {
            svg.append("<line x1=\"").append(fmt(t.x())).append("\" y1=\"").append(TimelineLayout.TOP)
                    .append("\" x2=\"").append(fmt(t.x())).append("\" y2=\"").append(plotBottom)
                    .append("\" stroke=\"#e6e6e6\"/>");
            if (!t.label().isEmpty()) {
                svg.append("<text class=\"axis\" text-anchor=\"middle\" x=\"").append(fmt(t.x())).append("\" y=\"")
                        .append(layout.axisY()).append("\">").append(Html.escape(t.label())).append("</text>");
            }
        }
        svg.append("</g>");
        for (TimelineLayout.Lane lane : layout.lanes()) {
            svg.append("<g class=\"lane\" data-lab=\"").append(Html.escape(lane.lab())).append("\">")
                    .append("<line x1=\"").append(TimelineLayout.LEFT).append("\" y1=\"").append(lane.y())
                    .append("\" x2=\"").append(layout.width() - TimelineLayout.RIGHT).append("\" y2=\"")
                    .append(lane.y()).append("\" stroke=\"#bbb\"/>")
                    .append("<text class=\"lane-label\" x=\"8\" y=\"").append(lane.y() + 4).append("\">");
            if (!lane.label().equals(lane.fullName())) {
                svg.append("<title>").append(Html.escape(lane.fullName())).append("</title>");
            }
            svg.append(Html.escape(lane.label())).append("</text></g>");
        }
        for (TimelineLayout.Band band : layout.bands()) {
            StoredCollision c = band.collision();
            svg.append("<a href=\"/collisions/").append(Html.escape(c.id()))
                    .append("\" class=\"collision\" data-tier=\"")
                    .append(Html.escape(c.tier().name().toLowerCase(Locale.ROOT))).append("\" data-collision-id=\"")
                    .append(Html.escape(c.id())).append("\">")
                    .append("<title>").append(Html.escape(Describe.collision(c, e -> Describe.event(e, names))))
                    .append("</title>");
            if (band.connector()) {
                svg.append("<line x1=\"").append(fmt(band.xa())).append("\" y1=\"").append(fmt(band.ya()))
                        .append("\" x2=\"").append(fmt(band.xb())).append("\" y2=\"").append(fmt(band.yb()))
                        .append("\" stroke=\"#e4572e\" stroke-width=\"2.5\" stroke-opacity=\"0.45\"/></a>");
            } else {
                svg.append("<rect x=\"").append(fmt(band.x())).append("\" y=\"").append(fmt(band.y()))
                        .append("\" width=\"").append(fmt(band.width())).append("\" height=\"")
                        .append(fmt(band.height())).append("\" rx=\"6\" fill=\"#e4572e\" fill-opacity=\"0.14\""
                                + " stroke=\"#e4572e\" stroke-opacity=\"0.6\"/></a>");
            }
        }
        for (TimelineLayout.Mark m : layout.marks()) {
            StoredEvent e = m.event();
            svg.append("<a href=\"/events/").append(Html.escape(e.id())).append("\" class=\"release")
                    .append(m.partner() ? " partner" : "").append("\" data-event-id=\"").append(Html.escape(e.id()))
                    .append("\" data-lab=\"").append(Html.escape(e.lab())).append("\">")
                    .append("<title>").append(Html.escape(Describe.event(e, names))).append("</title>")
                    .append("<circle cx=\"").append(fmt(m.x())).append("\" cy=\"").append(m.y())
                    .append(m.partner() ? "\" r=\"5\" fill=\"#fff\" stroke=\"#29335c\" stroke-width=\"2\"/>"
                            : "\" r=\"6\" fill=\"#29335c\"/>");
            m.label().ifPresent(l -> svg.append("<text class=\"release-label\" x=\"").append(fmt(l.x()))
                    .append("\" y=\"").append(fmt(l.y())).append("\">").append(Html.escape(l.text()))
                    .append("</text>"));
            svg.append("</a>");
        }
        if (layout.hiddenLabels() > 0) {
            svg.append("<text class=\"note\" x=\"").append(TimelineLayout.LEFT).append("\" y=\"")
                    .append(layout.height() + 8).append("\">").append(layout.hiddenLabels())
                    .append(layout.hiddenLabels() == 1 ? " name" : " names")
                    .append(" left out for room: point at a mark, or narrow the dates.</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
