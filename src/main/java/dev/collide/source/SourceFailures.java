package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.fetch.FetchResult;
import java.util.Optional;

/** The common wording of fetch outcomes that end a poll, so every source kind reports them alike. */
final class SourceFailures {
    private SourceFailures() {
    }

    static PollResult.Failed rateLimited(SourceConfig config, String host, FetchResult.RateLimited limited,
                                         String advice) {
        return new PollResult.Failed("source " + config.id() + ": rate limited by " + host + "; retry after "
                + limited.retryAfter().toSeconds() + " s" + advice, true, Optional.of(limited.retryAfter()));
    }

    static PollResult.Failed failed(SourceConfig config, FetchResult.Failed failed) {
        return new PollResult.Failed("source " + config.id() + ": " + failed.reason(), failed.retryable(),
                Optional.empty());
    }

}
