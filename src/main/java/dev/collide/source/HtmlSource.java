package dev.collide.source;

import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
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
import java.util.Set;
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
    /** CSS selectors ({@code item:}, {@code title:} required) and a {@code dateFormat:} checked at load. */
    public static final SourceType<Params> KIND = new SourceType<>(SourceKind.HTML, Set.of("item", "title", "link",
            "date", "dateFormat", "summary"), true, HtmlSource::readParams, c -> new HtmlSource(c.fetcher()));

    /**
     * The selectors as written (jsoup parses them at poll, so a selector jsoup refuses fails the poll with what to
     * fix); {@code format} is {@code dateFormat} compiled once, English month names.
     */
    public record Params(String item, String title, Optional<String> link, Optional<String> date,
                         Optional<String> dateFormat, Optional<DateTimeFormatter> format, Optional<String> summary)
            implements SourceParams {}

    private final ConditionalFetcher fetcher;

    public HtmlSource(ConditionalFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        FetchResult fetched = fetcher.fetch(config.url(), state.validators(), Map.of(), config.flag("allowPrivate"));
        Params params = config.settings(Params.class);
        return FetchOutcomes.poll(config, config.url(), fetched, FetchOutcomes.Advice.NONE,
                body -> read(config, params, body));
    }

    static Params readParams(YamlMap s, String where) throws ConfigException {
        String item = s.requiredString("item", where + " needs a CSS selector for each entry; add e.g."
                + " \"item: article\"");
        String title = s.requiredString("title", where + " needs a CSS selector for the title inside an item; add"
                + " e.g. \"title: h2\"");
        Optional<String> dateFormat = s.string("dateFormat");
        Optional<DateTimeFormatter> format;
        try {
            format = dateFormat.map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH));
        } catch (IllegalArgumentException e) {
            throw s.error("dateFormat", where + ": dateFormat '" + dateFormat.get() + "' is not a Java date"
                    + " pattern (" + e.getMessage() + "); write e.g. \"dateFormat: MMM d, yyyy\"");
        }
        return new Params(item, title, s.string("link"), s.string("date"), dateFormat, format, s.string("summary"));
    }

    private PollResult read(SourceConfig config, Params params, FetchResult.Fetched body) {
        Document page = Jsoup.parse(new String(body.body(), StandardCharsets.UTF_8), body.finalUrl().toString());
        String itemSelector = params.item();
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
        List<Article> articles = new ArrayList<>();
        List<String> unparsedDates = new ArrayList<>();
        for (Element item : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
            Optional<Article> article = toArticle(config, params, item, unparsedDates);
            article.ifPresent(articles::add);
        }
        if (articles.isEmpty()) {
            return new PollResult.Failed("source " + config.id() + ": title selector '" + params.title()
                    + "' finds no text in any of the " + items.size() + " items on " + body.finalUrl()
                    + "; the page layout probably changed: check `title:`", true, Optional.empty());
        }
        if (params.date().isPresent() && unparsedDates.size() == articles.size()) {
            return new PollResult.Failed("source " + config.id() + ": no date on " + body.finalUrl() + " parses"
                    + " (first: '" + unparsedDates.get(0) + "'); check `date:` and `dateFormat:`"
                    + params.dateFormat().map(f -> " (now '" + f + "')").orElse(""), false, Optional.empty());
        }
        if (!unparsedDates.isEmpty()) {
            LOG.warn("source={} {} of {} dates did not parse (first: '{}'); those items are kept undated",
                    config.id(), unparsedDates.size(), articles.size(), unparsedDates.get(0));
        }
        return new PollResult.Items(articles, body.validators(), body.freshFor());
    }

    private Optional<Article> toArticle(SourceConfig config, Params params, Element item, List<String> unparsedDates) {
        Optional<Element> titleElement = first(item, Optional.of(params.title()));
        String title = titleElement.map(Element::text).orElse("").strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> link = first(item, params.link().or(() -> Optional.of("a[href]")))
                .or(() -> item.is("a[href]") ? Optional.of(item) : Optional.empty())
                .map(a -> a.absUrl("href")).flatMap(HtmlSource::httpUri);
        Optional<Instant> published = Optional.empty();
        Optional<Element> dateElement = first(item, params.date());
        if (dateElement.isPresent()) {
            String raw = dateElement.get().hasAttr("datetime") ? dateElement.get().attr("datetime")
                    : dateElement.get().text();
            published = parseDate(raw.strip(), params.format());
            if (published.isEmpty()) {
                unparsedDates.add(raw.strip());
            }
        }
        String summary = first(item, params.summary()).map(Element::text).orElse("");
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
