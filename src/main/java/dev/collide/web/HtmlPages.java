package dev.collide.web;

import dev.collide.store.ArchiveQuery;
import dev.collide.store.HistoryEntry;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import dev.collide.store.StoredEvidence;
import java.util.List;
import java.util.Map;

/**
 * The archive's HTML pages, server-rendered without script. Every string from a feed goes through
 * {@link Html#escape}; links to articles only when they are http(s).
 */
final class HtmlPages {
    static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1040px; color: #222; }
            header a { margin-right: 1rem; }
            form.filters { margin: 1rem 0; display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; }
            form.filters label { display: flex; flex-direction: column; font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
            th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            svg.timeline { border: 1px solid #ddd; background: #fafafa; max-width: 100%; height: auto; }
            svg .lane-label { font-size: 13px; font-weight: 600; }
            svg .release-label { font-size: 10px; fill: #29335c; }
            svg .axis { font-size: 11px; fill: #666; }
            .muted { color: #777; }
            .retracted { text-decoration: line-through; }
            """;

    private HtmlPages() {
    }

    static String index(ArchiveQuery q, Map<String, String> labNames, List<StoredEvent> events,
                        List<StoredCollision> collisions) {
        StringBuilder b = new StringBuilder();
        head(b, "Collide: release collisions");
        b.append("<h1>Release collisions</h1>");
        filters(b, q, labNames);
        b.append("<section id=\"timeline\">").append(TimelineSvg.render(labNames, events, collisions))
                .append("</section>");
        b.append("<h2>Collisions</h2>");
        if (collisions.isEmpty()) {
            b.append("<p class=\"muted\">No collisions match these filters.</p>");
        } else {
            b.append("<table id=\"collisions\"><tr><th>Releases</th><th>Tier</th><th>Gap</th></tr>");
            for (StoredCollision c : collisions) {
                b.append("<tr><td><a href=\"/collisions/").append(Html.escape(c.id())).append("\">")
                        .append(Html.escape(Describe.event(c.a()))).append(" and ")
                        .append(Html.escape(Describe.event(c.b()))).append("</a></td><td>")
                        .append(Html.escape(Describe.tierLabel(c.tier()))).append("</td><td>")
                        .append(c.gapDays().map(g -> g + " d").orElse("?")).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Release events</h2>");
        if (events.isEmpty()) {
            b.append("<p class=\"muted\">No release events match these filters.</p>");
        } else {
            b.append("<table id=\"events\"><tr><th>Date</th><th>Lab</th><th>Model</th><th>Sources</th></tr>");
            for (StoredEvent e : events) {
                b.append("<tr><td>").append(e.date().map(Object::toString).orElse("?")).append("</td><td>")
                        .append(Html.escape(labNames.getOrDefault(e.lab(), e.lab()))).append("</td><td>")
                        .append("<a href=\"/events/").append(Html.escape(e.id())).append("\">")
                        .append(Html.escape(e.model())).append("</a></td><td>").append(e.sourceCount())
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        return foot(b);
    }

    static String event(StoredEvent e, List<StoredEvidence> evidence, Map<String, String> labNames,
                        java.util.Optional<dev.collide.detect.Dating> dating) {
        StringBuilder b = new StringBuilder();
        head(b, "Collide: " + e.lab() + " " + e.model());
        b.append("<h1>").append(Html.escape(labNames.getOrDefault(e.lab(), e.lab()))).append(' ')
                .append(Html.escape(e.model())).append("</h1>");
        b.append("<p>Released ").append(e.date().map(Object::toString).orElse("on an unknown date"))
                .append(e.precision().map(p -> " (precision " + Html.escape(p) + ")").orElse(""))
                .append(", confidence ").append(String.format(java.util.Locale.ROOT, "%.2f", e.confidence()))
                .append(", ").append(e.sourceCount()).append(" independent source(s).</p>");
        dating.ifPresent(d -> {
            b.append("<h2>Why this date</h2><p id=\"dating\">").append(Html.escape(d.summary()))
                    .append("</p><ol class=\"dating\">");
            d.evidence().forEach(line -> b.append("<li>").append(Html.escape(line)).append("</li>"));
            b.append("</ol>");
        });
        evidenceTable(b, evidence);
        return foot(b);
    }

    static String collision(StoredCollision c, List<StoredEvidence> evidenceA, List<StoredEvidence> evidenceB,
                            List<HistoryEntry> history) {
        StringBuilder b = new StringBuilder();
        head(b, Describe.title(c));
        b.append("<h1").append(c.isActive() ? "" : " class=\"retracted\"").append(">")
                .append(Html.escape(Describe.title(c))).append("</h1>");
        b.append("<p id=\"summary\">").append(Html.escape(Describe.collision(c))).append("</p>");
        for (var side : List.of(Map.entry(c.a(), evidenceA), Map.entry(c.b(), evidenceB))) {
            StoredEvent e = side.getKey();
            b.append("<h2><a href=\"/events/").append(Html.escape(e.id())).append("\">")
                    .append(Html.escape(Describe.event(e))).append("</a></h2>");
            evidenceTable(b, side.getValue());
        }
        b.append("<h2>History</h2><ul id=\"history\">");
        for (HistoryEntry h : history) {
            b.append("<li>").append(h.changedAt()).append(' ').append(Html.escape(h.change())).append(": ")
                    .append(Html.escape(h.detail())).append("</li>");
        }
        b.append("</ul>");
        return foot(b);
    }

    static String error(int status, String message) {
        StringBuilder b = new StringBuilder();
        head(b, "Collide: " + status);
        b.append("<h1>").append(status).append("</h1><p>").append(Html.escape(message)).append("</p>");
        return foot(b);
    }

    private static void evidenceTable(StringBuilder b, List<StoredEvidence> evidence) {
        if (evidence.isEmpty()) {
            b.append("<p class=\"muted\">No evidence stored.</p>");
            return;
        }
        b.append("<table class=\"evidence\"><tr><th>Article</th><th>Source</th><th>Kind</th><th>Date</th>")
                .append("<th>Sentence</th></tr>");
        for (StoredEvidence v : evidence) {
            String title = Html.escape(v.articleTitle().isBlank() ? "(untitled)" : v.articleTitle());
            b.append("<tr><td>").append(Html.safeHref(v.link())
                            .map(href -> "<a class=\"article\" rel=\"noopener noreferrer nofollow\" href=\"" + href
                                    + "\">" + title + "</a>").orElse(title))
                    .append("</td><td>").append(Html.escape(v.sourceId())).append("</td><td>")
                    .append(Html.escape(v.kind())).append(v.release() ? "" : " (mention)").append("</td><td>")
                    .append(v.date()).append("</td><td>").append(Html.escape(v.sentence())).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void filters(StringBuilder b, ArchiveQuery q, Map<String, String> labNames) {
        b.append("<form class=\"filters\" method=\"get\" action=\"/\"><label>Lab<select name=\"lab\">")
                .append("<option value=\"\">all labs</option>");
        for (var lab : labNames.entrySet()) {
            boolean selected = q.lab().map(lab.getKey()::equals).orElse(false);
            b.append("<option value=\"").append(Html.escape(lab.getKey())).append('"')
                    .append(selected ? " selected" : "").append('>').append(Html.escape(lab.getValue()))
                    .append("</option>");
        }
        b.append("</select></label>");
        b.append("<label>Since<input type=\"date\" name=\"since\" value=\"")
                .append(q.since().map(Object::toString).orElse("")).append("\"></label>");
        b.append("<label>Until<input type=\"date\" name=\"until\" value=\"")
                .append(q.until().map(Object::toString).orElse("")).append("\"></label>");
        b.append("<button type=\"submit\">Filter</button></form>");
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><link rel=\"stylesheet\" href=\"/style.css\">")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Collisions\"")
                .append(" href=\"/collisions.atom\"></head><body><header><a href=\"/\">Collide</a>")
                .append("<a href=\"/collisions.atom\">Atom</a><a href=\"/calendar.ics\">Calendar</a>")
                .append("<a href=\"/api/collisions.csv\">CSV</a><a href=\"/api/collisions\">API</a></header><main>");
    }

    private static String foot(StringBuilder b) {
        return b.append("</main></body></html>").toString();
    }
}
