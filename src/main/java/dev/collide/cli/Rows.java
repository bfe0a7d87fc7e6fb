package dev.collide.cli;

import dev.collide.detect.Collision;
import dev.collide.detect.ReleaseEvent;
import dev.collide.store.StoredArticle;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns archive records into the rows the commands print; JSON field names are the documented, stable ones. */
final class Rows {
    static final List<String> COLLISION_COLUMNS = List.of("id", "lab A", "model A", "date A", "lab B", "model B",
            "date B", "gap", "tier", "flags");

    private Rows() {
    }

    static void addCollision(Tabular t, StoredCollision c) {
        t.add(List.of(c.id(), c.a().lab(), c.a().model(), dateOf(c.a()), c.b().lab(), c.b().model(), dateOf(c.b()),
                        c.gapDays().map(g -> g + "d").orElse("?"), c.tier(), flags(c.rivalry(), c.reported(),
                                !c.isActive())),
                collisionJson(c.id(), side(c.a().lab(), c.a().model(), dateOf(c.a()), c.a().precision(), c.a().id()),
                        side(c.b().lab(), c.b().model(), dateOf(c.b()), c.b().precision(), c.b().id()),
                        c.gapDays().map(Integer::longValue), c.tier(), c.rivalry(), c.reported(), c.status()));
    }

    static void addCollision(Tabular t, Collision c) {
        String dateA = c.a().date().map(d -> d.date().toString()).orElse("");
        String dateB = c.b().date().map(d -> d.date().toString()).orElse("");
        t.add(List.of(c.id(), c.a().lab(), c.a().model(), dateA, c.b().lab(), c.b().model(), dateB,
                        c.gapDays().map(g -> g + "d").orElse("?"), c.tier().name(),
                        flags(c.rivalry(), c.reported(), false)),
                collisionJson(c.id(), side(c.a(), dateA), side(c.b(), dateB), c.gapDays(), c.tier().name(),
                        c.rivalry(), c.reported(), "ACTIVE"));
    }

    private static Map<String, Object> side(ReleaseEvent e, String date) {
        return side(e.lab(), e.model(), date, e.date().map(d -> d.precision().name()), e.id());
    }

    private static Map<String, Object> side(String lab, String model, String date, Optional<String> precision,
                                            String eventId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", lab);
        m.put("model", model);
        m.put("date", date.isEmpty() ? null : date);
        m.put("precision", precision.orElse(null));
        m.put("eventId", eventId);
        return m;
    }

    private static Map<String, Object> collisionJson(String id, Map<String, Object> a, Map<String, Object> b,
                                                     Optional<Long> gap, String tier, boolean rivalry,
                                                     boolean reported, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("a", a);
        m.put("b", b);
        m.put("gapDays", gap.orElse(null));
        m.put("tier", tier);
        m.put("rivalry", rivalry);
        m.put("reported", reported);
        m.put("status", status);
        return m;
    }

    private static String flags(boolean rivalry, boolean reported, boolean retracted) {
        StringBuilder f = new StringBuilder();
        if (rivalry) {
            f.append("rivals ");
        }
        if (reported) {
            f.append("reported ");
        }
        if (retracted) {
            f.append("retracted");
        }
        return f.toString().trim();
    }

    static String dateOf(StoredEvent e) {
        return e.date().map(Object::toString).orElse("");
    }

    static final List<String> EVENT_COLUMNS = List.of("id", "lab", "model", "date", "precision", "confidence",
            "sources");

    static void addEvent(Tabular t, StoredEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("lab", e.lab());
        m.put("model", e.model());
        m.put("family", e.family());
        m.put("date", e.date().map(Object::toString).orElse(null));
        m.put("precision", e.precision().orElse(null));
        m.put("releasedAt", e.releaseAt().map(Object::toString).orElse(null));
        m.put("confidence", Math.round(e.confidence() * 1000) / 1000.0);
        m.put("sources", e.sourceCount());
        t.add(List.of(e.id(), e.lab(), e.model(), dateOf(e), e.precision().orElse(""),
                String.format("%.2f", e.confidence()), Integer.toString(e.sourceCount())), m);
    }

    static final List<String> ARTICLE_COLUMNS = List.of("id", "source", "published", "title", "link");

    static void addArticle(Tabular t, StoredArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("source", a.sourceId());
        m.put("guid", a.guid());
        m.put("title", a.title());
        m.put("link", a.link().map(URI::toString).orElse(null));
        m.put("publishedAt", a.publishedAt().map(Object::toString).orElse(null));
        m.put("fetchedAt", a.fetchedAt().toString());
        m.put("kind", a.kind().name());
        m.put("lab", a.lab().orElse(null));
        t.add(List.of(Long.toString(a.id()), a.sourceId(), a.publishedAt().map(i -> i.toString().substring(0, 10))
                .orElse(""), a.title(), a.link().map(URI::toString).orElse("")), m);
    }
}
