package dev.collide.detect;

import dev.collide.extract.ReleaseDate;
import java.util.List;
import java.util.Optional;

/**
 * One release of one lab (all variants and sizes of one launch), dated by its strongest evidence.
 * {@code id} is stable across runs: it is derived from lab and family. {@code date} is empty when no evidence
 * gives a usable date; such an event never collides. {@code sourceCount} counts independent stories (near-duplicate
 * copies count once).
 */
public record ReleaseEvent(String id, String lab, String family, String model, Optional<ReleaseDate> date,
                           double confidence, int sourceCount, List<Evidence> evidence) {
    public ReleaseEvent {
        evidence = List.copyOf(evidence);
    }

    public static String idFor(String lab, String family) {
        return StableIds.of(lab + "|" + family);
    }
}
