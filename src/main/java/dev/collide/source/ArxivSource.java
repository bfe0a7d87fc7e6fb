package dev.collide.source;

import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Source kind {@code arxiv}: the arXiv query API ({@code query:} is a {@code search_query}, e.g.
 * {@code au:"DeepSeek-AI"} or {@code cat:cs.CL AND abs:"Kimi"}), newest submissions first. Each paper is a
 * {@link ArticleKind#NEWS} item keyed by its arXiv id without the version, dated by {@code <published>} (first
 * version); authors and affiliations go into the text, and a lab named exactly by one of them is set as the lab.
 * A throttled reply ("Rate exceeded.") and arXiv's 200-with-an-"Error"-entry are failures. Thread-safe.
 */
public final class ArxivSource implements Source {
    static final String DEFAULT_BASE = "http://export.arxiv.org";
    static final int DEFAULT_RESULTS = 25;
    private static final Pattern VERSION = Pattern.compile("v\\d+$");
    /** {@code query:} and {@code maxResults:}; the url defaults to arXiv's export API. */
    public static final SourceType<Params> KIND = new SourceType<>(SourceKind.ARXIV, Set.of("query", "maxResults"),
            false, ArxivSource::readParams, c -> new ArxivSource(c.fetcher(), c.labs()));

    /** An arXiv {@code search_query} and how many of its newest papers one poll reads (1-200). */
    public record Params(String query, int maxResults) implements SourceParams {}

    private final ConditionalFetcher fetcher;
    private final LabDirectory labs;

    public ArxivSource(ConditionalFetcher fetcher, LabDirectory labs) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.labs = Objects.requireNonNull(labs, "labs");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        URI url = queryUrl(config, config.settings(Params.class));
        FetchResult fetched = fetcher.fetch(url, state.validators(), Map.of(), config.flag("allowPrivate"));
        return FetchOutcomes.poll(config, url, fetched, FetchOutcomes.Advice.NONE, body -> read(config, url, body));
    }

    static Params readParams(YamlMap s, String where) throws ConfigException {
        String query = s.requiredString("query", where + " needs a search query; add e.g. 'query: au:\"DeepSeek-AI\"'")
                .strip();
        if (query.isEmpty()) {
            throw s.error("query", where + " has an empty query; write e.g. 'query: au:\"DeepSeek-AI\"'");
        }
        return new Params(query, (int) s.number("maxResults", DEFAULT_RESULTS, 1, 200));
    }

    private PollResult read(SourceConfig config, URI url, FetchResult.Fetched body) {
        String text = new String(body.body(), StandardCharsets.UTF_8);
        if (text.strip().startsWith("Rate exceeded")) {
            return new PollResult.Failed("source " + config.id() + ": arXiv answered 'Rate exceeded.'; keep at least"
                    + " 3 s between calls and raise `every:`", true, Optional.empty());
        }
        if (!text.contains("<feed")) {
            return new PollResult.Failed("source " + config.id() + ": arXiv did not answer with Atom (" + url
                    + "); check `query:`", true, Optional.empty());
        }
        Document doc = Jsoup.parse(text, url.toString(), Parser.xmlParser());
        List<Article> papers = new ArrayList<>();
        for (Element entry : doc.select("entry")) {
            String title = squeeze(entry.selectFirst("> title"));
            if (title.equals("Error")) {
                return new PollResult.Failed("source " + config.id() + ": arXiv rejected the query: "
                        + squeeze(entry.selectFirst("> summary")) + "; check `query:`", false, Optional.empty());
            }
            toArticle(config, entry, title).ifPresent(papers::add);
        }
        return new PollResult.Items(papers, body.validators(), body.freshFor());
    }

    private Optional<Article> toArticle(SourceConfig config, Element entry, String title) {
        String idUrl = squeeze(entry.selectFirst("> id"));
        int abs = idUrl.indexOf("/abs/");
        if (abs < 0) {
            return Optional.empty();
        }
        String arxivId = VERSION.matcher(idUrl.substring(abs + 5)).replaceFirst("");
        Set<String> names = new LinkedHashSet<>();
        List<String> credits = new ArrayList<>();
        Optional<String> lab = config.lab();
        for (Element author : entry.select("> author")) {
            String name = squeeze(author.selectFirst("> name"));
            List<String> affiliations = author.getElementsByTag("arxiv:affiliation").eachText();
            names.add(name);
            names.addAll(affiliations);
            credits.add(affiliations.isEmpty() ? name : name + " (" + String.join("; ", affiliations) + ")");
        }
        for (String name : names) {
            lab = lab.or(() -> labs.labOfName(name));
        }
        String text = "arXiv " + arxivId + ". Authors: " + String.join(", ", credits) + ". "
                + squeeze(entry.selectFirst("> summary"));
        List<String> tags = new ArrayList<>(List.of("arxiv:" + arxivId));
        entry.getElementsByTag("category").forEach(c -> tags.add("category:" + c.attr("term")));
        return Optional.of(new Article(config.id(), arxivId, Optional.of(URI.create("https://arxiv.org/abs/"
                + arxivId)), title, text, published(entry), ArticleKind.NEWS, lab, tags));
    }

    private static Optional<Instant> published(Element entry) {
        try {
            return Optional.of(OffsetDateTime.parse(squeeze(entry.selectFirst("> published"))).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String squeeze(Element element) {
        return element == null ? "" : element.text().replaceAll("\\s+", " ").strip();
    }

    static URI queryUrl(SourceConfig config, Params params) {
        String scheme = config.url().getScheme();
        String base = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                ? config.url().toString().replaceAll("/+$", "") : DEFAULT_BASE;
        return URI.create(base + "/api/query?search_query=" + URLEncoder.encode(params.query(), StandardCharsets.UTF_8)
                + "&sortBy=submittedDate&sortOrder=descending&start=0&max_results=" + params.maxResults());
    }
}
