package dev.collide.notify;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** An evidence link: an article's title and URL (always http or https), and the source that carried it. */
public record Link(String title, URI url, String sourceId) {
    public Link {
        requireNonNull(title, "title");
        requireNonNull(url, "url");
        requireNonNull(sourceId, "sourceId");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("evidence link must be http(s): " + url);
        }
    }
}
