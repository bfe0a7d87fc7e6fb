package dev.collide.detect;

import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Builders for detection test data. */
final class Evidences {
    private static final AtomicLong IDS = new AtomicLong(1);

    private Evidences() {
    }

    static Evidence news(String lab, String family, LocalDate day) {
        return of(lab, family, ReleaseDate.ofDay(day), ArticleKind.NEWS, 0.8, IDS.incrementAndGet());
    }

    static Evidence labPost(String lab, String family, LocalDate day) {
        return of(lab, family, ReleaseDate.ofDay(day), ArticleKind.LAB_POST, 0.9, IDS.incrementAndGet());
    }

    static Evidence hub(String lab, String family, Instant at) {
        return of(lab, family, ReleaseDate.ofInstant(at), ArticleKind.HUB_RECORD, 0.95, IDS.incrementAndGet());
    }

    static Evidence month(String lab, String family, YearMonth month) {
        return of(lab, family, ReleaseDate.ofMonth(month), ArticleKind.NEWS, 0.8, IDS.incrementAndGet());
    }

    static Evidence of(String lab, String family, ReleaseDate date, ArticleKind kind, double confidence,
                       long fingerprint) {
        long id = IDS.incrementAndGet();
        return new Evidence(id, id, "src-" + id, Optional.of(URI.create("https://news.example/" + id)),
                "title " + id, kind, lab, family, family, family, date, confidence, "sentence " + id, fingerprint);
    }

    /** A mention in an article published at {@code published} by a source of {@code articleLab} (empty: news). */
    static Evidence in(String lab, String modelId, String family, ReleaseDate date, ArticleKind kind,
                       Instant published, Optional<String> articleLab, String sentence) {
        long id = IDS.incrementAndGet();
        return new Evidence(id, id, "src-" + id, Optional.of(URI.create("https://news.example/" + id)),
                "title " + id, kind, lab, modelId, modelId, family, date, 0.8, sentence, id * 7919L,
                Optional.of(published), articleLab);
    }

    /** The same evidence with the extractor's word on where its date came from. */
    static Evidence dateFromArticle(Evidence e, boolean fromArticle) {
        return new Evidence(e.mentionId(), e.articleId(), e.sourceId(), e.link(), e.title(), e.kind(), e.lab(),
                e.modelId(), e.model(), e.family(), e.date(), e.confidence(), e.sentence(), e.fingerprint(),
                e.publishedAt(), e.articleLab(), Optional.of(fromArticle));
    }
}
