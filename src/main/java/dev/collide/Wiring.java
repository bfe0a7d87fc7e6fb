package dev.collide;

import dev.collide.config.CollideConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.Extraction;
import dev.collide.extract.Extractor;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.Article;
import dev.collide.source.ArxivSource;
import dev.collide.source.FeedParser;
import dev.collide.source.FeedSource;
import dev.collide.source.FullTextSource;
import dev.collide.source.GitHubReleasesSource;
import dev.collide.source.HtmlSource;
import dev.collide.source.HuggingFaceSource;
import dev.collide.source.LabDirectory;
import dev.collide.source.Source;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Temporary: replaced when the fetch and extract stages land. */
final class Wiring {
    private Wiring() {
    }

    /**
     * One source per kind, each wrapped for {@code fullText: true}; {@code isKnown(sourceId, guid)} says whether an
     * item is stored already, so only new items' pages are fetched.
     */
    static void addSources(Map<SourceKind, Source> sources, ConditionalFetcher http, CollideConfig config,
                           Clock clock, BiPredicate<String, String> isKnown, Function<String, String> env) {
        var parser = new FeedParser();
        var labs = new LabDirectory(config.labs());
        Map<SourceKind, Source> kinds = Map.of(
                SourceKind.FEED, new FeedSource(http, parser),
                SourceKind.HUGGINGFACE, new HuggingFaceSource(http, labs, env),
                SourceKind.GITHUB_RELEASES, new GitHubReleasesSource(http, parser, labs),
                SourceKind.ARXIV, new ArxivSource(http, labs),
                SourceKind.HTML, new HtmlSource(http));
        kinds.forEach((kind, source) -> sources.put(kind, new FullTextSource(source, http, isKnown)));
    }

    static Extractor extractor(CollideConfig config) {
        return article -> Extraction.EMPTY;
    }

    static ToLongFunction<Article> fingerprint() {
        return a -> 0L;
    }
}
