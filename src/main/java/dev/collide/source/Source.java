package dev.collide.source;

import dev.collide.config.SourceConfig;

/** One kind of source (RSS/Atom feed, Hugging Face org, GitHub releases, HTML page, ...). */
public interface Source {
    /**
     * Reads what the source has now. Never throws for anything the remote side does (bad status, broken document,
     * timeout): that is a {@link PollResult.Failed}. Thread-safe: one instance serves every source of its kind.
     */
    PollResult poll(SourceConfig config, SourceState state);
}
