package dev.collide;

import dev.collide.config.CollideConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.Extraction;
import dev.collide.extract.Extractor;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.Article;
import dev.collide.source.Source;
import java.time.Clock;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Temporary: replaced when the fetch and extract stages land. */
final class Wiring {
    private Wiring() {
    }

    static void addSources(Map<SourceKind, Source> sources, ConditionalFetcher http, CollideConfig config,
                           Clock clock) {
        sources.put(SourceKind.FEED, new dev.collide.source.FeedSource(http, new dev.collide.source.FeedParser()));
    }

    static Extractor extractor(CollideConfig config) {
        return article -> Extraction.EMPTY;
    }

    static ToLongFunction<Article> fingerprint() {
        return a -> 0L;
    }
}
