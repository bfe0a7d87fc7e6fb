package dev.collide.source;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A feed document read into plain-text articles. {@code title} is plain text (maybe empty); {@code ttl} is the
 * RSS {@code <ttl>} (minutes in the document), when given and positive.
 */
public record ParsedFeed(String title, List<Article> articles, Optional<Duration> ttl) {
    public ParsedFeed {
        title = DisplayText.line(requireNonNull(title, "title"));
        requireNonNull(ttl, "ttl");
        articles = List.copyOf(articles);
    }
}
