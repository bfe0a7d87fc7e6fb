package dev.collide.detect;

import static java.util.Objects.requireNonNull;

import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored release mention with what the detector needs to weigh it: the article's kind and near-duplicate
 * fingerprint, and a link for the reader. {@code publishedAt} and {@code articleLab} (the lab of the source that
 * published the article) tell a lab's own post from another lab's, and a date read from the text from one that
 * only repeats the article's date (issue 13: such a date only bounds the release). {@code dateFromArticle} is the
 * extractor's word on the latter ({@link dev.collide.extract.Mention#dateFromArticle}); empty for mentions stored
 * before it was recorded, whose date is then compared with the article's.
 */
public record Evidence(long mentionId, long articleId, String sourceId, Optional<URI> link, String title,
                       ArticleKind kind, String lab, String modelId, String model, String family, ReleaseDate date,
                       double confidence, String sentence, long fingerprint, Optional<Instant> publishedAt,
                       Optional<String> articleLab, Optional<Boolean> dateFromArticle) {
    public Evidence {
        requireNonNull(link, "link");
        requireNonNull(kind, "kind");
        requireNonNull(date, "date");
        requireNonNull(publishedAt, "publishedAt");
        requireNonNull(articleLab, "articleLab");
        requireNonNull(dateFromArticle, "dateFromArticle");
    }

    /** Evidence stored before the extractor said where its date came from. */
    public Evidence(long mentionId, long articleId, String sourceId, Optional<URI> link, String title,
                    ArticleKind kind, String lab, String modelId, String model, String family, ReleaseDate date,
                    double confidence, String sentence, long fingerprint, Optional<Instant> publishedAt,
                    Optional<String> articleLab) {
        this(mentionId, articleId, sourceId, link, title, kind, lab, modelId, model, family, date, confidence,
                sentence, fingerprint, publishedAt, articleLab, Optional.empty());
    }

    /** Evidence whose article date and source lab are unknown: never bounding; a LAB_POST counts as the lab's own. */
    public Evidence(long mentionId, long articleId, String sourceId, Optional<URI> link, String title,
                    ArticleKind kind, String lab, String modelId, String model, String family, ReleaseDate date,
                    double confidence, String sentence, long fingerprint) {
        this(mentionId, articleId, sourceId, link, title, kind, lab, modelId, model, family, date, confidence,
                sentence, fingerprint, Optional.empty(), Optional.empty());
    }
}
