package dev.collide.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Source kind {@code github-org}: the public repositories of one GitHub organisation ({@code org:}), newest first,
 * through the REST API ({@code GET /orgs/ORG/repos?sort=created&direction=desc}). Labs open a model's repository
 * when they release it ({@code deepseek-ai/DeepSeek-V3}, {@code MoonshotAI/Kimi-K2}), so a new repository is a
 * {@link ArticleKind#HUB_RECORD} dated by its {@code created_at}. Forks are skipped: they are someone else's work.
 * Conditional GET (the API sends ETags; a 304 does not count against the rate limit), {@code Authorization: Bearer}
 * when {@code token: ${GITHUB_TOKEN}} names a set variable (60 requests an hour without, 5,000 with), and the
 * API's 403 "rate limited" waits until {@code X-RateLimit-Reset}. A {@code url:} override replaces
 * {@code https://api.github.com} (GitHub Enterprise, tests). Thread-safe.
 */
public final class GitHubOrgSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubOrgSource.class);
    static final String DEFAULT_BASE = "https://api.github.com";
    static final int PAGE_SIZE = 30;
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9_.-]+");
    /** {@code org:} (and the common {@code token:}); the url defaults to the GitHub API. */
    public static final SourceType<Params> KIND = new SourceType<>(SourceKind.GITHUB_ORG, Set.of("org"), false,
            GitHubOrgSource::readParams, c -> new GitHubOrgSource(c.fetcher(), c.labs(), c.env()));

    /** The organisation whose repositories are listed, as in its GitHub URL. */
    public record Params(String org) implements SourceParams {}

    private final ConditionalFetcher fetcher;
    private final LabDirectory labs;
    private final Function<String, String> env;
    private final ObjectMapper json = new ObjectMapper();
    private final LinkFilter links = new LinkFilter();

    public GitHubOrgSource(ConditionalFetcher fetcher, LabDirectory labs, Function<String, String> env) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.labs = Objects.requireNonNull(labs, "labs");
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        String org = config.settings(Params.class).org();
        URI url = listingUrl(config, org);
        FetchResult fetched = fetcher.fetch(url, state.validators(), headers(config), config.flag("allowPrivate"));
        var advice = new FetchOutcomes.Advice(config.param("tokenEnv").isPresent() ? "" : "; a token (token:"
                + " ${GITHUB_TOKEN}) raises GitHub's limit from 60 to 5,000 requests an hour", status -> status == 404
                ? Optional.of("organisation '" + org + "' not found (HTTP 404 from " + url + "); check `org:` (renamed"
                + " or a user rather than an organisation?)") : Optional.empty());
        return FetchOutcomes.poll(config, url, fetched, advice, body -> read(config, url, org, body));
    }

    static Params readParams(YamlMap s, String where) throws ConfigException {
        String org = s.requiredString("org", where + " needs the GitHub organisation; add \"org: deepseek-ai\"");
        if (!ORG.matcher(org).matches()) {
            throw s.error("org", where + ": org '" + org + "' is not a GitHub name; write it as in the URL,"
                    + " e.g. \"org: MoonshotAI\" for https://github.com/MoonshotAI");
        }
        return new Params(org);
    }

    private PollResult read(SourceConfig config, URI url, String org, FetchResult.Fetched body) {
        Optional<List<Article>> repos = parse(config, org, body);
        if (repos.isEmpty()) {
            return new PollResult.Failed("source " + config.id() + ": GitHub answered " + url + " with broken or"
                    + " truncated JSON; nothing was stored from this poll, it will be retried", true,
                    Optional.empty());
        }
        return new PollResult.Items(repos.get(), body.validators(), body.freshFor());
    }

    private Optional<List<Article>> parse(SourceConfig config, String org, FetchResult.Fetched body) {
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
        List<Article> articles = new ArrayList<>();
        for (JsonNode repo : root) {
            toArticle(config, org, repo).ifPresent(articles::add);
        }
        return Optional.of(articles);
    }

    private Optional<Article> toArticle(SourceConfig config, String org, JsonNode repo) {
        long id = repo.path("id").asLong(0);
        String name = repo.path("name").asText("");
        String owner = repo.path("owner").path("login").asText(org);
        if (id <= 0 || name.isBlank() || repo.path("fork").asBoolean(false) || repo.path("private").asBoolean(false)) {
            return Optional.empty();
        }
        String description = repo.path("description").asText("").strip();
        Optional<URI> link = links.safeLink(repo.path("html_url").asText(""), Optional.empty());
        List<String> tags = new ArrayList<>(List.of("github:" + owner + "/" + name));
        repo.path("topics").forEach(topic -> tags.add(topic.asText()));
        String text = owner + " published the repository " + name + " on GitHub."
                + (description.isEmpty() ? "" : " " + description);
        // the numeric id survives a rename, so a renamed repository is not a new release
        return Optional.of(new Article(config.id(), "github-repo:" + id, link, name, text,
                createdAt(repo.path("created_at").asText("")), ArticleKind.HUB_RECORD, labs.labOfOrg(config, owner),
                tags));
    }

    private static Optional<Instant> createdAt(String raw) {
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> headers(SourceConfig config) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        headers.putAll(BearerToken.header(config, env));
        return headers;
    }

    static URI listingUrl(SourceConfig config, String org) {
        String scheme = config.url().getScheme();
        String base = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                ? config.url().toString().replaceAll("/+$", "") : DEFAULT_BASE;
        return URI.create(base + "/orgs/" + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "/repos?type=public&sort=created&direction=desc&per_page=" + PAGE_SIZE);
    }
}
