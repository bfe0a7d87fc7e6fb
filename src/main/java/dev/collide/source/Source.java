package dev.collide.source;

import dev.collide.config.SourceConfig;

/** One kind of source (RSS/Atom feed, Hugging Face org, GitHub releases, HTML page, ...). */
public interface Source {
    /**
     * Reads what the source has now. Never throws for anything the remote side does (bad status, broken document,
     * timeout): that is a {@link PollResult.Failed}. A bug of ours (an unexpected RuntimeException) is not caught
     * here: {@code SourcePoller.poll} is the one boundary that logs it and turns it into a failure retried later, so
     * one source's bug never stops the others. Thread-safe: one instance serves every source of its kind.
     */
    PollResult poll(SourceConfig config, SourceState state);
}
