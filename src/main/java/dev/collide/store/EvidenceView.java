package dev.collide.store;

import java.net.URI;

/** One mention behind an event, as the API shows it (README: evidence); {@code release} false: a mere mention. */
public record EvidenceView(long mentionId, long articleId, String sourceId, String title, String link, String kind,
                           String model, String date, String precision, String releaseAt, double confidence,
                           String sentence, boolean release) {
    public static EvidenceView of(StoredEvidence v) {
        return new EvidenceView(v.mentionId(), v.articleId(), v.sourceId(), v.articleTitle(),
                v.link().map(URI::toString).orElse(null), v.kind(), v.model(), v.date().toString(), v.precision(),
                EventView.text(v.releaseAt()), v.confidence(), v.sentence(), v.release());
    }
}
