package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Source kind {@code feed}: an RSS, RDF or Atom document at the configured URL, polled with the validators of the
 * last successful read. A parse failure leaves the validators alone (the caller keeps its old state), so the next
 * poll fetches the document again instead of getting 304 for a feed that was never read. Thread-safe.
 */
public final class FeedSource implements Source {
    /** {@code url:} and the common keys, nothing of its own. */
    public static final SourceType<SourceParams> KIND = new SourceType<>(SourceKind.FEED, Set.of(), true,
            (entry, where) -> SourceParams.NONE, context -> new FeedSource(context.fetcher(), context.parser()));

    private final ConditionalFetcher fetcher;
    private final FeedParser parser;

    public FeedSource(ConditionalFetcher fetcher, FeedParser parser) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        FetchResult fetched = fetcher.fetch(config.url(), state.validators(), Map.of(), config.flag("allowPrivate"));
        return FetchOutcomes.poll(config, config.url(), fetched, FetchOutcomes.Advice.NONE, body -> read(config, body));
    }

    private PollResult read(SourceConfig config, FetchResult.Fetched body) {
        String contentType = body.contentType();
        ParseResult parsed = parser.parse(config.id(), body.body(),
                contentType.isBlank() ? Optional.empty() : Optional.of(contentType), Optional.of(body.finalUrl()));
        if (parsed instanceof ParseResult.Rejected rejected) {
            // a broken document may be fixed by the publisher; retrying next poll costs one request
            return new PollResult.Failed("source " + config.id() + ": " + rejected.reason() + " ("
                    + body.finalUrl() + ")", true, Optional.empty());
        }
        ParsedFeed feed = ((ParseResult.Parsed) parsed).feed();
        return new PollResult.Items(labelled(config, feed.articles()), body.validators(),
                later(body.freshFor(), feed.ttl()));
    }

    private static List<Article> labelled(SourceConfig config, List<Article> articles) {
        if (config.lab().isEmpty()) {
            return articles;
        }
        return articles.stream().map(a -> a.withKind(ArticleKind.LAB_POST, config.lab())).toList();
    }

    private static Optional<Duration> later(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }
}
