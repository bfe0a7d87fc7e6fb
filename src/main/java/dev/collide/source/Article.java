package dev.collide.source;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One item read from a source, as plain text (HTML already stripped). {@code guid} is unique within the source;
 * {@code link} is an http(s) URL or absent. {@code lab} is set when the source speaks for one lab (its own blog or
 * hub org); {@code tags} carry hub metadata (e.g. {@code arxiv:2504.07164}). Every string from the source goes
 * through {@link DisplayText} here (issue 17 item 8): title and tags are one line, text keeps its line feeds, and the
 * guid shows any control character as {@code U+XXXX}; so no later stage logs or renders a control or bidi override.
 */
public record Article(String sourceId, String guid, Optional<URI> link, String title, String text,
                      Optional<Instant> publishedAt, ArticleKind kind, Optional<String> lab, List<String> tags) {
    public Article {
        requireNonNull(sourceId, "sourceId");
        requireNonNull(link, "link");
        requireNonNull(publishedAt, "publishedAt");
        requireNonNull(kind, "kind");
        requireNonNull(lab, "lab");
        if (guid == null || guid.isBlank()) {
            throw new IllegalArgumentException("article from source " + sourceId + " has no guid");
        }
        guid = DisplayText.identifier(guid);
        title = title == null ? "" : DisplayText.line(title);
        text = text == null ? "" : DisplayText.text(text);
        tags = tags.stream().map(DisplayText::line).toList();
    }

    /** A plain news item: the common case. */
    public static Article news(String sourceId, String guid, URI link, String title, String text, Instant publishedAt) {
        return new Article(sourceId, guid, Optional.ofNullable(link), title, text, Optional.ofNullable(publishedAt),
                ArticleKind.NEWS, Optional.empty(), List.of());
    }

    public Article withKind(ArticleKind newKind, Optional<String> newLab) {
        return new Article(sourceId, guid, link, title, text, publishedAt, newKind, newLab, tags);
    }

    public Article withText(String newText) {
        return new Article(sourceId, guid, link, title, newText, publishedAt, kind, lab, tags);
    }
}
