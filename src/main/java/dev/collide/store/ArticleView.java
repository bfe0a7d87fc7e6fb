package dev.collide.store;

import java.net.URI;

/** A stored article as the API and the CLI show it (README: article; no body). Absent values are {@code null}. */
public record ArticleView(long id, String sourceId, String guid, String link, String title, String publishedAt,
                          String fetchedAt, String kind, String lab) {
    public static ArticleView of(StoredArticle a) {
        return new ArticleView(a.id(), a.sourceId(), a.guid(), a.link().map(URI::toString).orElse(null), a.title(),
                EventView.text(a.publishedAt()), a.fetchedAt().toString(), a.kind().name(), a.lab().orElse(null));
    }
}
