package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source kind {@code html}: a page without a feed, read with CSS selectors ({@code item:} for each entry;
 * {@code title:}, {@code link:}, {@code date:}, {@code summary:} inside it; {@code dateFormat:} a
 * {@link DateTimeFormatter} pattern, English month names). Dates without a time are midnight UTC. A selector that
 * matches nothing, or dates that never parse, fail the poll with what to fix (the page layout probably changed), so
 * nothing half-read is stored. Thread-safe.
 */
public final class HtmlSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSource.class);
    static final int MAX_ITEMS = 200;

    private final ConditionalFetcher fetcher;

    public HtmlSource(ConditionalFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        FetchResult fetched = fetcher.fetch(config.url(), state.validators(), Map.of(), config.flag("allowPrivate"));
        return FetchOutcomes.poll(config, config.url(), fetched, FetchOutcomes.Advice.NONE, body -> read(config, body));
    }

    private PollResult read(SourceConfig config, FetchResult.Fetched body) {
        Document page = Jsoup.parse(new String(body.body(), StandardCharsets.UTF_8), body.finalUrl().toString());
        String itemSelector = config.param("item").orElse("");
        List<Element> items;
        try {
            items = page.select(itemSelector);
        } catch (Selector.SelectorParseException e) {
            return new PollResult.Failed("source " + config.id() + ": item selector '" + itemSelector + "' is not"
                    + " valid CSS (" + e.getMessage() + "); fix `item:`", false, Optional.empty());
        }
        if (items.isEmpty()) {
            return new PollResult.Failed("source " + config.id() + ": item selector '" + itemSelector + "' matches"
                    + " nothing on " + body.finalUrl() + "; the page layout probably changed: check `item:`", true,
                    Optional.empty());
        }
        Optional<DateTimeFormatter> format = config.param("dateFormat")
                .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH));
        List<Article> articles = new ArrayList<>();
        List<String> unparsedDates = new ArrayList<>();
        for (Element item : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
            Optional<Article> article = toArticle(config, item, format, unparsedDates);
            article.ifPresent(articles::add);
        }
        if (articles.isEmpty()) {
            return new PollResult.Failed("source " + config.id() + ": title selector '" + config.param("title")
                    .orElse("") + "' finds no text in any of the " + items.size() + " items on " + body.finalUrl()
                    + "; the page layout probably changed: check `title:`", true, Optional.empty());
        }
        if (config.param("date").isPresent() && unparsedDates.size() == articles.size()) {
            return new PollResult.Failed("source " + config.id() + ": no date on " + body.finalUrl() + " parses"
                    + " (first: '" + unparsedDates.get(0) + "'); check `date:` and `dateFormat:`"
                    + config.param("dateFormat").map(f -> " (now '" + f + "')").orElse(""), false, Optional.empty());
        }
        if (!unparsedDates.isEmpty()) {
            LOG.warn("source={} {} of {} dates did not parse (first: '{}'); those items are kept undated",
                    config.id(), unparsedDates.size(), articles.size(), unparsedDates.get(0));
        }
        return new PollResult.Items(articles, body.validators(), body.freshFor());
    }

    private Optional<Article> toArticle(SourceConfig config, Element item, Optional<DateTimeFormatter> format,
                                        List<String> unparsedDates) {
        Optional<Element> titleElement = first(item, config.param("title"));
        String title = titleElement.map(Element::text).orElse("").strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> link = first(item, config.param("link").or(() -> Optional.of("a[href]")))
                .or(() -> item.is("a[href]") ? Optional.of(item) : Optional.empty())
                .map(a -> a.absUrl("href")).flatMap(HtmlSource::httpUri);
        Optional<Instant> published = Optional.empty();
        Optional<Element> dateElement = first(item, config.param("date"));
        if (dateElement.isPresent()) {
            String raw = dateElement.get().hasAttr("datetime") ? dateElement.get().attr("datetime")
                    : dateElement.get().text();
            published = parseDate(raw.strip(), format);
            if (published.isEmpty()) {
                unparsedDates.add(raw.strip());
            }
        }
        String summary = first(item, config.param("summary")).map(Element::text).orElse("");
        String dated = title + "|" + published.map(Instant::toString).orElse("");
        String guid = link.map(URI::toString).orElseGet(() -> "html:" + sha256(dated));
        return Optional.of(new Article(config.id(), guid, link, title, summary, published,
                config.lab().isPresent() ? ArticleKind.LAB_POST : ArticleKind.NEWS, config.lab(), List.of()));
    }

    private static Optional<Element> first(Element item, Optional<String> selector) {
        if (selector.isEmpty() || selector.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(item.selectFirst(selector.get()));
        } catch (Selector.SelectorParseException e) {
            return Optional.empty();
        }
    }

    /** The configured format first; then ISO offset date-times and dates (what {@code datetime} attributes hold). */
    static Optional<Instant> parseDate(String raw, Optional<DateTimeFormatter> format) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (format.isPresent()) {
            try {
                TemporalAccessor parsed = format.get().parseBest(raw, ZonedDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                return Optional.of(toInstant(parsed));
            } catch (DateTimeParseException e) {
                // a datetime attribute is ISO whatever the visible format is; try that below
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException e) {
            // not an offset date-time; try a plain date
        }
        try {
            return Optional.of(LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant toInstant(TemporalAccessor parsed) {
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Optional<URI> httpUri(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
