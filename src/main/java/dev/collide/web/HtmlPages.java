package dev.collide.web;

import dev.collide.detect.Dating;
import dev.collide.notify.HtmlOutput;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.HistoryEntry;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import dev.collide.store.StoredEvidence;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The archive's HTML pages, server-rendered without script from the jte templates in {@code src/main/jte/html/web},
 * compiled at build time. The templates escape every value (see {@link HtmlOutput}); this class only gathers what
 * each page shows. Links to articles only when they are http(s).
 */
final class HtmlPages {
    static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1040px; color: #222; }
            header a { margin-right: 1rem; }
            form.filters { margin: 1rem 0; display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; }
            form.filters label { display: flex; flex-direction: column; font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
            th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            td ul { margin: 0; padding-left: 1rem; }
            svg.timeline { border: 1px solid #ddd; background: #fafafa; max-width: 100%; height: auto; }
            svg .lane-label { font-size: 13px; font-weight: 600; }
            svg .release-label { font-size: 10px; fill: #29335c; }
            svg .axis { font-size: 11px; fill: #666; }
            .muted { color: #777; }
            .retracted { text-decoration: line-through; }
            """;
    /** Stateless once loaded: the templates are classes in the jar, found by name in package dev.collide. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.collide");

    record LabOption(String id, String name, boolean selected) {
    }

    record TierOption(String name, String label, boolean selected) {
    }

    record CollisionRow(String id, String releases, String tier, String gap) {
    }

    record EventRow(String id, String date, String lab, String model, int sources) {
    }

    /**
     * {@code timeline}: the SVG from {@link TimelineSvg}, which escapes what it writes itself; the template includes
     * it as it is, so it is not escaped twice.
     */
    record IndexPage(List<LabOption> labs, List<TierOption> tiers, String query, String since, String until,
                     gg.jte.Content timeline, List<CollisionRow> collisions, List<EventRow> events) {
    }

    /** One article's evidence for an event: one row however often the article mentions the release. */
    record ArticleRow(String title, Optional<String> href, String sourceId, String kind, LocalDate date,
                      List<String> sentences) {
    }

    record EventPage(StoredEvent event, String title, String released, String confidence, Optional<Dating> dating,
                     List<ArticleRow> articles) {
    }

    record Side(String eventId, String heading, List<ArticleRow> articles) {
    }

    record CollisionPage(String title, boolean retracted, String summary, List<Side> sides,
                         List<HistoryEntry> history) {
    }

    private HtmlPages() {
    }

    static String index(ArchiveQuery q, Optional<dev.collide.detect.Tier> tier, Map<String, String> labNames,
                        List<StoredEvent> events, List<StoredCollision> collisions) {
        List<LabOption> labs = labNames.entrySet().stream().map(lab -> new LabOption(lab.getKey(), lab.getValue(),
                q.lab().map(lab.getKey()::equals).orElse(false))).toList();
        List<TierOption> tiers = java.util.Arrays.stream(dev.collide.detect.Tier.values()).map(t -> new TierOption(
                t.name(), t.label(), tier.map(t::equals).orElse(false))).toList();
        String svg = TimelineSvg.render(labNames, events, collisions);
        List<CollisionRow> collisionRows = collisions.stream().map(c -> new CollisionRow(c.id(),
                Describe.event(c.a(), labNames) + " and " + Describe.event(c.b(), labNames), c.tier().label(),
                c.gapDays().map(g -> g + " d").orElse("?"))).toList();
        List<EventRow> eventRows = events.stream().map(e -> new EventRow(e.id(),
                e.date().map(Object::toString).orElse("?"), labNames.getOrDefault(e.lab(), e.lab()), e.model(),
                e.sourceCount())).toList();
        return render("web/index.jte", new IndexPage(labs, tiers, q.text().orElse(""),
                q.since().map(Object::toString).orElse(""), q.until().map(Object::toString).orElse(""),
                out -> out.writeContent(svg), collisionRows, eventRows));
    }

    static String event(StoredEvent e, List<StoredEvidence> evidence, Map<String, String> labNames,
                        Optional<Dating> dating) {
        String released = e.date().map(Object::toString).orElse("on an unknown date")
                + e.precision().map(p -> " (precision " + p + ")").orElse("");
        return render("web/event.jte", new EventPage(e,
                Describe.model(labNames.getOrDefault(e.lab(), e.lab()), e.model()),
                released, String.format(Locale.ROOT, "%.2f", e.confidence()), dating, articles(evidence)));
    }

    static String collision(StoredCollision c, List<StoredEvidence> evidenceA, List<StoredEvidence> evidenceB,
                            List<HistoryEntry> history, Map<String, String> labNames) {
        String a = Describe.event(c.a(), labNames);
        String b = Describe.event(c.b(), labNames);
        String summary = Describe.collision(c, e -> Describe.event(e, labNames));
        String title = "Collision: " + Describe.model(labNames.getOrDefault(c.a().lab(), c.a().lab()), c.a().model())
                + " and " + Describe.model(labNames.getOrDefault(c.b().lab(), c.b().lab()), c.b().model());
        List<Side> sides = List.of(new Side(c.a().id(), a, articles(evidenceA)),
                new Side(c.b().id(), b, articles(evidenceB)));
        return render("web/collision.jte", new CollisionPage(title, !c.isActive(), summary, sides, history));
    }

    static String error(int status, String message) {
        return render("web/error.jte", Map.<String, Object>of("status", status, "message", message));
    }

    /** Evidence grouped by article, in the store's order (release mentions first), so each article is one row. */
    static List<ArticleRow> articles(List<StoredEvidence> evidence) {
        Map<Long, List<StoredEvidence>> byArticle = new LinkedHashMap<>();
        for (StoredEvidence v : evidence) {
            byArticle.computeIfAbsent(v.articleId(), k -> new ArrayList<>()).add(v);
        }
        List<ArticleRow> rows = new ArrayList<>();
        for (List<StoredEvidence> mentions : byArticle.values()) {
            StoredEvidence first = mentions.get(0);
            rows.add(new ArticleRow(first.articleTitle().isBlank() ? "(untitled)" : first.articleTitle(),
                    Html.safeHref(first.link()), first.sourceId(), first.kind() + (first.release() ? "" : " (mention)"),
                    first.date(), mentions.stream().map(StoredEvidence::sentence).distinct().toList()));
        }
        return rows;
    }

    private static String render(String template, Object page) {
        HtmlOutput out = new HtmlOutput();
        TEMPLATES.render(template, page, out);
        return out.toString();
    }

    private static String render(String template, Map<String, Object> params) {
        HtmlOutput out = new HtmlOutput();
        TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
