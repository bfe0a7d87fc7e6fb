package dev.collide.web;

import dev.collide.store.SourceHealth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API's own JSON shapes, serialised by Jackson in component order; the event, collision and article shapes
 * that the CLI and the webhook share are the store's view records ({@code EventView}, {@code CollisionView},
 * {@code ArticleView}). The names are a published contract (README.md, "Archive server and API"): add fields, never
 * rename them. Absent values are {@code null}, never left out.
 */
final class JsonViews {
    private JsonViews() {
    }

    /** {@code nextOffset}: null on the last page (fewer items than the limit). */
    record Page<T>(List<T> items, int limit, long offset, Long nextOffset) {
        static <T> Page<T> of(List<T> items, int limit, long offset) {
            return new Page<>(List.copyOf(items), limit, offset, items.size() == limit ? offset + limit : null);
        }
    }

    record Items<T>(List<T> items) {
    }

    record LabView(String id, String name, long events) {
    }

    record SourceView(String sourceId, String lastStatus, String lastError, String lastFetchAt, String lastSuccessAt,
                      String lastItemsAt, String nextFetchAt, int errorCount, long fetchCount, long notModifiedCount,
                      long itemCount) {
        static SourceView of(SourceHealth h) {
            return new SourceView(h.sourceId(), h.lastStatus(), h.lastError().orElse(null), text(h.lastFetchAt()),
                    text(h.lastSuccessAt()), text(h.lastItemsAt()), text(h.nextFetchAt()), h.errorCount(),
                    h.fetchCount(), h.notModifiedCount(), h.itemCount());
        }
    }

    /** {@code parameter}: the query parameter at fault, null when none is (an unknown id). */
    record ErrorView(String error, String parameter) {
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
