package dev.collide.store;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One mention behind a release event, with its article for the reader to check. */
public record StoredEvidence(long mentionId, long articleId, String sourceId, String articleTitle, Optional<URI> link,
                             String kind, String model, LocalDate date, String precision, Optional<Instant> releaseAt,
                             double confidence, String sentence, boolean release) {
}
