package dev.collide.source;

import static java.util.Objects.requireNonNull;

import dev.collide.fetch.ConditionalFetcher;
import java.util.function.Function;

/**
 * What a kind's {@link Source} may be built with: the fetcher, the feed parser, the labs (to attribute hub orgs and
 * authors) and the environment (a token's variable is read at each poll, never stored).
 */
public record SourceContext(ConditionalFetcher fetcher, FeedParser parser, LabDirectory labs,
                            Function<String, String> env) {
    public SourceContext {
        requireNonNull(fetcher, "fetcher");
        requireNonNull(parser, "parser");
        requireNonNull(labs, "labs");
        requireNonNull(env, "env");
    }
}
