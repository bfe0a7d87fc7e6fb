package dev.collide;

import dev.collide.extract.Extraction;
import dev.collide.extract.Extractor;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the dictionary extractor (branch extract, not merged here): a labelled article's title is the
 * model; hub records are dated to the instant, everything else to the day. Enough to drive the pipeline end to end.
 */
final class TitleAsModelExtractor implements Extractor {
    @Override
    public Extraction extract(Article article) {
        if (article.lab().isEmpty() || article.publishedAt().isEmpty()) {
            return Extraction.EMPTY;
        }
        ReleaseDate date = article.kind() == ArticleKind.HUB_RECORD
                ? ReleaseDate.ofInstant(article.publishedAt().get())
                : ReleaseDate.ofDay(article.publishedAt().get().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        String id = article.title().toLowerCase(Locale.ROOT);
        return new Extraction(List.of(new Mention(article.lab().get(), id, article.title(), id, true, date, 0.9,
                article.text())), List.of());
    }
}
