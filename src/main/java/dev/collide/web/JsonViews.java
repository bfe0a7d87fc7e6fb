package dev.collide.web;

import dev.collide.store.HistoryEntry;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoredArticle;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import dev.collide.store.StoredEvidence;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the API, field by field in a fixed order. These names are a published contract (README.md,
 * "Archive server and API"): add fields, never rename them. Absent values are {@code null}, never left out.
 */
final class JsonViews {
    private JsonViews() {
    }

    static Map<String, Object> page(List<Map<String, Object>> items, int limit, long offset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("nextOffset", items.size() == limit ? offset + limit : null);
        return m;
    }

    static Map<String, Object> event(StoredEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("lab", e.lab());
        m.put("family", e.family());
        m.put("model", e.model());
        m.put("date", e.date().map(Object::toString).orElse(null));
        m.put("precision", e.precision().orElse(null));
        m.put("releaseAt", text(e.releaseAt()));
        m.put("confidence", e.confidence());
        m.put("sourceCount", e.sourceCount());
        m.put("firstSeenAt", e.firstSeenAt().toString());
        m.put("updatedAt", e.updatedAt().toString());
        m.put("url", "/api/events/" + e.id());
        return m;
    }

    static Map<String, Object> eventWithEvidence(StoredEvent e, List<StoredEvidence> evidence) {
        Map<String, Object> m = event(e);
        m.put("evidence", evidence.stream().map(JsonViews::evidence).toList());
        return m;
    }

    static Map<String, Object> evidence(StoredEvidence v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mentionId", v.mentionId());
        m.put("articleId", v.articleId());
        m.put("sourceId", v.sourceId());
        m.put("title", v.articleTitle());
        m.put("link", v.link().map(URI::toString).orElse(null));
        m.put("kind", v.kind());
        m.put("model", v.model());
        m.put("date", v.date().toString());
        m.put("precision", v.precision());
        m.put("releaseAt", text(v.releaseAt()));
        m.put("confidence", v.confidence());
        m.put("sentence", v.sentence());
        m.put("release", v.release());
        return m;
    }

    static Map<String, Object> collision(StoredCollision c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("a", event(c.a()));
        m.put("b", event(c.b()));
        m.put("gapDays", c.gapDays().orElse(null));
        m.put("tier", c.tier());
        m.put("rivalry", c.rivalry());
        m.put("reported", c.reported());
        m.put("status", c.status());
        m.put("createdAt", c.createdAt().toString());
        m.put("updatedAt", c.updatedAt().toString());
        m.put("url", "/api/collisions/" + c.id());
        return m;
    }

    static Map<String, Object> collisionWithEvidence(StoredCollision c, List<StoredEvidence> evidenceA,
                                                     List<StoredEvidence> evidenceB, List<HistoryEntry> history) {
        Map<String, Object> m = collision(c);
        m.put("a", eventWithEvidence(c.a(), evidenceA));
        m.put("b", eventWithEvidence(c.b(), evidenceB));
        m.put("history", history.stream().map(h -> {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("change", h.change());
            hm.put("detail", h.detail());
            hm.put("changedAt", h.changedAt().toString());
            return hm;
        }).toList());
        return m;
    }

    static Map<String, Object> article(StoredArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("sourceId", a.sourceId());
        m.put("guid", a.guid());
        m.put("link", a.link().map(URI::toString).orElse(null));
        m.put("title", a.title());
        m.put("publishedAt", text(a.publishedAt()));
        m.put("fetchedAt", a.fetchedAt().toString());
        m.put("kind", a.kind().name());
        m.put("lab", a.lab().orElse(null));
        return m;
    }

    static Map<String, Object> lab(String id, String name, long events) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("events", events);
        return m;
    }

    static Map<String, Object> source(SourceHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceId", h.sourceId());
        m.put("lastStatus", h.lastStatus());
        m.put("lastError", h.lastError().orElse(null));
        m.put("lastFetchAt", text(h.lastFetchAt()));
        m.put("lastSuccessAt", text(h.lastSuccessAt()));
        m.put("lastItemsAt", text(h.lastItemsAt()));
        m.put("nextFetchAt", text(h.nextFetchAt()));
        m.put("errorCount", h.errorCount());
        m.put("fetchCount", h.fetchCount());
        m.put("notModifiedCount", h.notModifiedCount());
        m.put("itemCount", h.itemCount());
        return m;
    }

    static Map<String, Object> error(String message, String parameter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("parameter", parameter);
        return m;
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
