package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps another source kind for {@code fullText: true}: each new item's page (not already stored, per
 * {@code isKnown(sourceId, guid)}) is fetched and its main text replaces the feed's excerpt. Links come from feed
 * content and are untrusted: private, loopback and link-local targets are refused (on every redirect hop) unless
 * the source sets {@code allowPrivate: true}. A page that cannot be read leaves the item as the feed gave it.
 * At most {@link #MAX_PAGES} pages per poll. Thread-safe when the wrapped source and predicate are.
 */
public final class FullTextSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(FullTextSource.class);
    static final int MAX_PAGES = 20;

    private final Source inner;
    private final ConditionalFetcher fetcher;
    private final BiPredicate<String, String> isKnown;
    private final MainText mainText = new MainText();

    public FullTextSource(Source inner, ConditionalFetcher fetcher, BiPredicate<String, String> isKnown) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.isKnown = Objects.requireNonNull(isKnown, "isKnown");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        PollResult result = inner.poll(config, state);
        if (!config.flag("fullText") || !(result instanceof PollResult.Items items)) {
            return result;
        }
        boolean allowPrivate = config.flag("allowPrivate");
        List<Article> enriched = new ArrayList<>(items.articles().size());
        int fetched = 0;
        for (Article article : items.articles()) {
            if (article.link().isEmpty() || fetched >= MAX_PAGES || isKnown.test(article.sourceId(), article.guid())) {
                enriched.add(article);
                continue;
            }
            fetched++;
            enriched.add(withPageText(config, article, allowPrivate));
        }
        return new PollResult.Items(enriched, items.validators(), items.notBefore());
    }

    private Article withPageText(SourceConfig config, Article article, boolean allowPrivate) {
        var link = article.link().orElseThrow();
        FetchResult page = fetcher.fetchUntrusted(link, allowPrivate);
        if (page instanceof FetchResult.Fetched body) {
            String text = mainText.text(new String(body.body(), StandardCharsets.UTF_8), body.finalUrl().toString());
            return text.isBlank() ? article : article.withText(text);
        }
        String why = page instanceof FetchResult.Failed failed ? failed.reason() : page.getClass().getSimpleName();
        LOG.warn("source={} guid={} full text not fetched, keeping the feed text: {}", config.id(), article.guid(),
                why);
        return article;
    }
}
