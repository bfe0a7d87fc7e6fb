package dev.collide.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.ReleaseDate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A release event as the API, the CLI ({@code --format json}) and the JSON webhook show it, serialised by Jackson in
 * this order. The names are a published contract (README, "Archive server and API": event): add fields, never rename
 * them. Times are ISO-8601 text; an absent value is {@code null}, never left out. {@code evidence} is there only when
 * an event is asked for by id ({@link #withEvidence}); a listing leaves the key out.
 */
public record EventView(String id, String lab, String family, String model, String date, String precision,
                        String releaseAt, double confidence, int sourceCount, String firstSeenAt, String updatedAt,
                        String url, @JsonInclude(JsonInclude.Include.NON_NULL) List<EvidenceView> evidence) {
    public EventView {
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    public static EventView of(StoredEvent e) {
        return new EventView(e.id(), e.lab(), e.family(), e.model(), e.date().map(Object::toString).orElse(null),
                e.precision().orElse(null), text(e.releaseAt()), e.confidence(), e.sourceCount(),
                e.firstSeenAt().toString(), e.updatedAt().toString(), "/api/events/" + e.id(), null);
    }

    public static EventView withEvidence(StoredEvent e, List<StoredEvidence> evidence) {
        EventView v = of(e);
        return new EventView(v.id, v.lab, v.family, v.model, v.date, v.precision, v.releaseAt, v.confidence,
                v.sourceCount, v.firstSeenAt, v.updatedAt, v.url, evidence.stream().map(EvidenceView::of).toList());
    }

    /** An event built from the stored evidence but not stored ({@code collide collisions --window}): no times. */
    public static EventView of(ReleaseEvent e) {
        return new EventView(e.id(), e.lab(), e.family(), e.model(),
                e.date().map(d -> d.date().toString()).orElse(null), e.date().map(d -> d.precision().name())
                .orElse(null), text(e.date().flatMap(ReleaseDate::instant)), e.confidence(), e.sourceCount(), null,
                null, "/api/events/" + e.id(), null);
    }

    static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
