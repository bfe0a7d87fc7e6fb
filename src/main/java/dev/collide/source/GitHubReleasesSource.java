package dev.collide.source;

import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Source kind {@code github-releases}: {@code https://github.com/OWNER/NAME/releases.atom} for {@code repo:
 * OWNER/NAME} (no API quota, no token). Each entry is a {@link ArticleKind#HUB_RECORD} dated by its {@code <updated>}
 * (the feed has no {@code <published>}), keyed by the entry id {@code tag:github.com,2008:Repository/ID/TAG}.
 * A {@code url:} override replaces {@code https://github.com} (mirrors, tests). Thread-safe.
 */
public final class GitHubReleasesSource implements Source {
    static final String DEFAULT_BASE = "https://github.com";
    private static final Pattern REPO = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");
    /** {@code repo: OWNER/NAME}; the url defaults to GitHub. */
    public static final SourceType<Params> KIND = new SourceType<>(SourceKind.GITHUB_RELEASES, Set.of("repo"), false,
            GitHubReleasesSource::readParams, c -> new GitHubReleasesSource(c.fetcher(), c.parser(), c.labs()));

    /** The repository whose releases are read. */
    public record Params(String owner, String name) implements SourceParams {
        public String repo() {
            return owner + "/" + name;
        }
    }

    private final ConditionalFetcher fetcher;
    private final FeedParser parser;
    private final LabDirectory labs;

    public GitHubReleasesSource(ConditionalFetcher fetcher, FeedParser parser, LabDirectory labs) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.labs = Objects.requireNonNull(labs, "labs");
    }

    @Override
    public PollResult poll(SourceConfig config, SourceState state) {
        Params params = config.settings(Params.class);
        String repo = params.repo();
        URI url = feedUrl(config, repo);
        FetchResult fetched = fetcher.fetch(url, state.validators(), Map.of(), config.flag("allowPrivate"));
        var advice = FetchOutcomes.Advice.status(status -> status == 404 ? Optional.of("repository '" + repo
                + "' not found (HTTP 404 from " + url + "); check `repo:` (renamed, moved or private?)")
                : Optional.empty());
        return FetchOutcomes.poll(config, url, fetched, advice, body -> read(config, url, params, body));
    }

    static Params readParams(YamlMap s, String where) throws ConfigException {
        String repo = s.requiredString("repo", where + " needs a repository; add \"repo: QwenLM/Qwen3\"");
        var m = REPO.matcher(repo);
        if (!m.matches()) {
            throw s.error("repo", where + ": repo '" + repo + "' must be OWNER/NAME, e.g."
                    + " \"repo: deepseek-ai/DeepSeek-V3\"");
        }
        return new Params(m.group(1), m.group(2));
    }

    private PollResult read(SourceConfig config, URI url, Params params, FetchResult.Fetched body) {
        ParseResult parsed = parser.parse(config.id(), body.body(), Optional.of(body.contentType())
                .filter(s -> !s.isBlank()), Optional.of(body.finalUrl()));
        if (parsed instanceof ParseResult.Rejected rejected) {
            return new PollResult.Failed("source " + config.id() + ": " + rejected.reason() + " (" + url + ")", true,
                    Optional.empty());
        }
        ParsedFeed feed = ((ParseResult.Parsed) parsed).feed();
        List<Article> records = feed.articles().stream()
                .map(a -> toRecord(config, params.owner(), params.name(), a)).toList();
        return new PollResult.Items(records, body.validators(), body.freshFor());
    }

    private Article toRecord(SourceConfig config, String owner, String name, Article entry) {
        String text = owner + "/" + name + " published the release " + entry.title() + " on GitHub."
                + (entry.text().isBlank() || entry.text().equals("No content.") ? "" : " " + entry.text());
        return new Article(config.id(), entry.guid(), entry.link(), entry.title(), text, entry.publishedAt(),
                ArticleKind.HUB_RECORD, labs.labOfOrg(config, owner), List.of("github:" + owner + "/" + name));
    }

    static URI feedUrl(SourceConfig config, String repo) {
        String scheme = config.url().getScheme();
        String base = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                ? config.url().toString().replaceAll("/+$", "") : DEFAULT_BASE;
        return URI.create(base + "/" + repo + "/releases.atom");
    }
}
