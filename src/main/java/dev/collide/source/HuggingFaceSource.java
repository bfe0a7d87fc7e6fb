package dev.collide.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.CredentialScope;
import dev.collide.fetch.FetchResult;
import dev.collide.fetch.Validators;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source kind {@code huggingface}: the public repositories of one Hub organisation ({@code org:}), newest first,
 * through {@code GET /api/models?author=ORG&sort=createdAt} (and {@code /api/datasets}, {@code /api/spaces} when
 * {@code include:} names them). Each repository becomes a {@link ArticleKind#HUB_RECORD} dated by its
 * {@code createdAt}. Follows {@code Link: rel="next"} up to {@code pages:} pages (default 1: new repositories come
 * first). Sends {@code Authorization: Bearer} when {@code token: ${ENV}} names a set variable. Thread-safe.
 */
public final class HuggingFaceSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(HuggingFaceSource.class);
    static final String DEFAULT_BASE = "https://huggingface.co";
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 20;
    /** hub-docs api.md: repositories made before the Hub stored creation dates all show this instant. */
    static final Instant UNKNOWN_CREATED_AT = Instant.parse("2022-03-02T23:29:04Z");
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> HUB_TYPES = Set.of("models", "datasets", "spaces");
    /** {@code org:}, {@code include:}, {@code pages:} (and the common {@code token:}); the url defaults to the Hub. */
    public static final SourceType<Params> KIND = new SourceType<>(SourceKind.HUGGINGFACE,
            Set.of("org", "include", "pages"), false, HuggingFaceSource::readParams,
            c -> new HuggingFaceSource(c.fetcher(), c.labs(), c.env()));

    /** The Hub organisation as in its URL, the repository types listed (models, datasets, spaces), pages per type. */
    public record Params(String org, List<String> include, int pages) implements SourceParams {
        public Params {
            include = List.copyOf(include);
        }
    }

    private final ConditionalFetcher fetcher;
    private final LabDirectory labs;
    private final Function<String, String> env;
    private final ObjectMapper json = new ObjectMapper();

    public HuggingFaceSource(ConditionalFetcher fetcher, LabDirectory labs, Function<String, String> env) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.labs = Objects.requireNonNull(labs, "labs");
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        Params params = config.settings(Params.class);
        String org = params.org();
        List<String> repoTypes = params.include();
        int pages = params.pages();
        Map<String, String> headers = BearerToken.header(config, env);
        List<Article> articles = new ArrayList<>();
        Validators validators = Validators.NONE;
        Optional<Duration> notBefore = Optional.empty();
        for (int t = 0; t < repoTypes.size(); t++) {
            String type = repoTypes.get(t);
            // conditional GET only where one listing is the whole source: its validators then mean "nothing new"
            boolean conditional = repoTypes.size() == 1;
            URI first = listingUrl(config, type, org);
            URI next = first;
            for (int page = 1; page <= pages; page++) {
                // the token is for the listing's host; a Link: rel="next" elsewhere gets the request without it
                FetchResult fetched = fetcher.fetch(next, conditional && page == 1 ? state.validators()
                        : Validators.NONE, CredentialScope.forTarget(headers, first, next), config.flag("allowPrivate"));
                if (fetched instanceof FetchResult.NotModified && !(page == 1 && conditional)) {
                    break; // NotModified of a later page: the same bytes as an earlier poll, nothing more to read
                }
                Optional<PollResult> ending = FetchOutcomes.ending(config, next, fetched, advice(config, org));
                if (ending.isPresent()) {
                    return ending.get();
                }
                var body = (FetchResult.Fetched) fetched;
                Optional<List<Article>> rows = parse(config, org, type, body);
                if (rows.isEmpty()) {
                    return new PollResult.Failed("source " + config.id() + ": the Hub answered page " + page + " of "
                            + type + " for org '" + org + "' with broken or truncated JSON (" + next + "); nothing"
                            + " was stored from this poll, it will be retried", true, Optional.empty());
                }
                articles.addAll(rows.get());
                if (page == 1 && t == 0) {
                    validators = conditional ? body.validators() : Validators.NONE;
                    notBefore = body.freshFor();
                }
                if (body.nextLink().isEmpty() || rows.get().isEmpty()) {
                    break;
                }
                next = body.nextLink().get();
            }
        }
        if (articles.isEmpty()) {
            // the Hub lists an unknown author as an empty array, so emptiness is how a renamed org shows
            return new PollResult.Failed("source " + config.id() + ": organisation '" + org + "' lists no public "
                    + String.join("/", repoTypes) + "; check `org:` (renamed, misspelt or private?) at "
                    + DEFAULT_BASE + "/" + org, true, Optional.empty());
        }
        return new PollResult.Items(articles, validators, notBefore);
    }

    static Params readParams(YamlMap s, String where) throws ConfigException {
        String org = s.requiredString("org", where + " needs the Hub organisation; add \"org: deepseek-ai\"");
        if (!ORG.matcher(org).matches()) {
            throw s.error("org", where + ": org '" + org + "' is not a Hub name; write it as in the URL,"
                    + " e.g. \"org: moonshotai\" for https://huggingface.co/moonshotai");
        }
        List<String> types = new ArrayList<>();
        for (String type : s.string("include").orElse("models").split("[,\\s]+")) {
            if (!type.isBlank() && !HUB_TYPES.contains(type)) {
                throw s.error("include", where + ": include '" + type + "' is unknown; use models, datasets"
                        + " and/or spaces, e.g. \"include: models, datasets\"");
            }
            if (!type.isBlank() && !types.contains(type)) {
                types.add(type);
            }
        }
        int pages = (int) s.number("pages", 1, 1, MAX_PAGES);
        return new Params(org, types.isEmpty() ? List.of("models") : types, pages);
    }

    private static FetchOutcomes.Advice advice(SourceConfig config, String org) {
        boolean hasToken = config.param("tokenEnv").isPresent();
        return new FetchOutcomes.Advice(hasToken ? "" : "; a token (token: ${HF_TOKEN}) raises the Hub's limit",
                status -> status == 401 || status == 403 || status == 404 ? Optional.of("organisation '" + org
                        + "' not found or private (HTTP " + status + "); check `org:`" + (hasToken ? " and the token"
                        : "")) : Optional.empty());
    }

    private Optional<List<Article>> parse(SourceConfig config, String org, String type, FetchResult.Fetched body) {
        JsonNode root;
        try {
            root = json.readTree(body.body());
        } catch (IOException e) {
            LOG.warn("source={} org={} unreadable JSON from {}: {}", config.id(), org, body.finalUrl(),
                    e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.isArray()) {
            return Optional.empty();
        }
        URI base = base(config);
        List<Article> articles = new ArrayList<>();
        for (JsonNode row : root) {
            toArticle(config, org, type, base, row).ifPresent(articles::add);
        }
        return Optional.of(articles);
    }

    private Optional<Article> toArticle(SourceConfig config, String org, String type, URI base, JsonNode row) {
        String id = row.path("id").asText(row.path("modelId").asText(""));
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1 || row.path("private").asBoolean(false)) {
            return Optional.empty();
        }
        String owner = id.substring(0, slash);
        String name = id.substring(slash + 1);
        Optional<Instant> created = createdAt(row.path("createdAt").asText(""));
        String pipelineTag = row.path("pipeline_tag").asText("");
        List<String> tags = new ArrayList<>();
        row.path("tags").forEach(tag -> tags.add(tag.asText()));
        String kindWord = switch (type) {
            case "datasets" -> "the dataset ";
            case "spaces" -> "the Space ";
            default -> "";
        };
        String text = owner + " released " + kindWord + name + " on Hugging Face"
                + (pipelineTag.isBlank() ? "" : " (" + pipelineTag + ")") + ".";
        String path = type.equals("models") ? "/" + id : "/" + type + "/" + id;
        URI link = URI.create(base.toString().replaceAll("/+$", "") + path);
        String guid = type.equals("models") ? id : type + "/" + id;
        return Optional.of(new Article(config.id(), guid, Optional.of(link), name, text, created,
                ArticleKind.HUB_RECORD, labs.labOfOrg(config, owner.isBlank() ? org : owner), tags));
    }

    private static Optional<Instant> createdAt(String raw) {
        try {
            Instant at = Instant.parse(raw);
            return at.equals(UNKNOWN_CREATED_AT) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static URI base(SourceConfig config) {
        String scheme = config.url().getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? config.url()
                : URI.create(DEFAULT_BASE);
    }

    static URI listingUrl(SourceConfig config, String type, String org) {
        String base = base(config).toString().replaceAll("/+$", "");
        // hub-docs api.md: sort=createdAt lists newest first; no expand, the default row has what we need
        return URI.create(base + "/api/" + type + "?author=" + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "&sort=createdAt&limit=" + PAGE_SIZE);
    }
}
