package dev.collide.source;

import static java.util.Objects.requireNonNull;

/** What {@link FeedParser} made of a document: a feed, or a one-line reason why not. */
public sealed interface ParseResult {
    record Parsed(ParsedFeed feed) implements ParseResult {
        public Parsed {
            requireNonNull(feed, "feed");
        }
    }

    /** {@code reason} is one line, e.g. "DOCTYPE not allowed" or "not a feed: root element <html>". */
    record Rejected(String reason) implements ParseResult {
        public Rejected {
            requireNonNull(reason, "reason");
        }
    }
}
