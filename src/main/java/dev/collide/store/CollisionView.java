package dev.collide.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.collide.detect.Collision;
import java.util.List;

/**
 * A collision as the API, the CLI ({@code --format json}, {@code --format csv}) and the JSON webhook show it,
 * serialised by Jackson in this order (README: collision; add fields, never rename them). {@code history} is there
 * only when a collision is asked for by id; a listing leaves the key out. Absent values are {@code null}.
 */
public record CollisionView(String id, EventView a, EventView b, Integer gapDays, String tier, boolean rivalry,
                            boolean reported, String status, String createdAt, String updatedAt, String url,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryView> history) {
    public CollisionView {
        history = history == null ? null : List.copyOf(history);
    }

    public static CollisionView of(StoredCollision c) {
        return of(c, EventView.of(c.a()), EventView.of(c.b()), null);
    }

    public static CollisionView withEvidence(StoredCollision c, List<StoredEvidence> evidenceA,
                                             List<StoredEvidence> evidenceB, List<HistoryEntry> history) {
        return of(c, EventView.withEvidence(c.a(), evidenceA), EventView.withEvidence(c.b(), evidenceB),
                history.stream().map(HistoryView::of).toList());
    }

    /** A collision found again over the stored evidence but not stored ({@code collide collisions --window}). */
    public static CollisionView of(Collision c) {
        return new CollisionView(c.id(), EventView.of(c.a()), EventView.of(c.b()),
                c.gapDays().map(Long::intValue).orElse(null), c.tier().name(), c.rivalry(), c.reported(), "ACTIVE",
                null, null, "/api/collisions/" + c.id(), null);
    }

    private static CollisionView of(StoredCollision c, EventView a, EventView b, List<HistoryView> history) {
        return new CollisionView(c.id(), a, b, c.gapDays().orElse(null), c.tier().name(), c.rivalry(),
                c.reported(), c.status().name(), c.createdAt().toString(), c.updatedAt().toString(),
                "/api/collisions/" + c.id(), history);
    }

    /** One line of a collision's history (README: {@code [{"change", "detail", "changedAt"}]}). */
    public record HistoryView(String change, String detail, String changedAt) {
        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.change(), h.detail(), h.changedAt().toString());
        }
    }
}
