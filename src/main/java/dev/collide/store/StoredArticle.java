package dev.collide.store;

import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** An article as the archive shows it. */
public record StoredArticle(long id, String sourceId, String guid, Optional<URI> link, String title, String text,
                            Optional<Instant> publishedAt, Instant fetchedAt, ArticleKind kind, Optional<String> lab) {
}
