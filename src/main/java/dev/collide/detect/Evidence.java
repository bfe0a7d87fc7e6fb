package dev.collide.detect;

import static java.util.Objects.requireNonNull;

import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.util.Optional;

/**
 * One stored release mention with what the detector needs to weigh it: the article's kind and near-duplicate
 * fingerprint, and a link for the reader.
 */
public record Evidence(long mentionId, long articleId, String sourceId, Optional<URI> link, String title,
                       ArticleKind kind, String lab, String modelId, String model, String family, ReleaseDate date,
                       double confidence, String sentence, long fingerprint) {
    public Evidence {
        requireNonNull(link, "link");
        requireNonNull(kind, "kind");
        requireNonNull(date, "date");
    }
}
