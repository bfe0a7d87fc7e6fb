package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.YamlMap;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.FetchResult;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.source.FetchOutcomes;
import dev.collide.source.PollResult;
import dev.collide.source.Source;
import dev.collide.source.SourceState;
import dev.collide.source.SourceType;
import dev.collide.source.SourceTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a new kind of source is one class and one registry line. The toy kind {@code changelog} (a plain-text
 * file, one "YYYY-MM-DD text" line per change, kept when it contains {@code marker:}) is registered in a test
 * registry, configured from a feeds.yml written here, and polled through the real loader, fetcher and pipeline.
 */
@WireMockTest
class ToySourceKindTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-06T12:00:00Z"), ZoneOffset.UTC);

    /** The whole toy kind: its name, keys, checks, typed parameters and poller. */
    static final class ChangelogSource implements Source {
        static final SourceType<Params> KIND = new SourceType<>(new SourceKind("changelog"),
                Set.of("marker", "maxLines"), true, ChangelogSource::readParams,
                context -> new ChangelogSource(context.fetcher()));

        record Params(String marker, int maxLines) implements SourceParams {}

        private final ConditionalFetcher fetcher;

        ChangelogSource(ConditionalFetcher fetcher) {
            this.fetcher = fetcher;
        }

        static Params readParams(YamlMap s, String where) throws ConfigException {
            String marker = s.requiredString("marker", where + " needs the word that marks a release; add"
                    + " \"marker: released\"");
            return new Params(marker, (int) s.number("maxLines", 10, 1, 100));
        }

        @Override
        public PollResult poll(SourceConfig config, SourceState state) {
            Params params = config.settings(Params.class);
            FetchResult fetched = fetcher.fetch(config.url(), state.validators(), Map.of(),
                    config.flag("allowPrivate"));
            return FetchOutcomes.poll(config, config.url(), fetched, FetchOutcomes.Advice.NONE,
                    body -> read(config, params, body));
        }

        private static PollResult read(SourceConfig config, Params params, FetchResult.Fetched body) {
            List<Article> changes = new ArrayList<>();
            for (String line : new String(body.body(), StandardCharsets.UTF_8).lines().limit(params.maxLines())
                    .toList()) {
                if (line.length() > 11 && line.contains(params.marker())) {
                    changes.add(new Article(config.id(), line, Optional.empty(), line.substring(11),
                            line.substring(11), day(line.substring(0, 10)), ArticleKind.LAB_POST, config.lab(),
                            List.of()));
                }
            }
            return new PollResult.Items(changes, body.validators(), Optional.empty());
        }

        private static Optional<Instant> day(String text) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** The one registry line. */
    private static final SourceTypes KINDS = SourceTypes.BUILT_IN.with(ChangelogSource.KIND);

    @TempDir
    Path dir;

    private CollideConfig load(SourceTypes kinds, String feeds) throws Exception {
        Files.writeString(dir.resolve("feeds.yml"), feeds);
        CollideConfig base = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"))
                .withDatabase(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        Optional.empty(), Optional.empty()));
        return ConfigLoader.fromEnvironment().withKinds(kinds.all()).loadSources(dir.resolve("feeds.yml"), base);
    }

    private static String feeds(String url, String marker) {
        return """
                sources:
                  - id: deepseek-changes
                    kind: changelog
                    url: %s
                    lab: deepseek
                %s
                """.formatted(url, marker);
    }

    @Test
    void poll_toyKindFromFeedsYml_storesItsMarkedLinesThroughThePipeline(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get("/changes.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("""
                2025-11-05 released DeepSeek-V3.2
                2025-11-04 fixed a typo in the docs
                2025-11-03 released DeepSeek-OCR
                """)));
        CollideConfig config = load(KINDS, feeds(wm.getHttpBaseUrl() + "/changes.txt", "    marker: released"));

        try (Collide collide = Collide.open(config, CLOCK, KINDS)) {
            SourceReport report = collide.pipeline().poll(config.sources().get(0));

            assertThat(report.error()).isEmpty();
            assertThat(report.stored()).isEqualTo(2);
            assertThat(collide.articles().contains("deepseek-changes", "2025-11-05 released DeepSeek-V3.2")).isTrue();
            assertThat(config.sources().get(0).settings()).isEqualTo(new ChangelogSource.Params("released", 10));
        }
    }

    @Test
    void load_toyKindWithoutItsRequiredKey_namesTheFeedsFileAndLine() {
        assertThatThrownBy(() -> load(KINDS, feeds("https://example.com/changes.txt", "    maxLines: 5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.yml")
                .hasMessageContaining("line 2")
                .hasMessageContaining("missing 'marker'; source 'deepseek-changes' (kind changelog) needs the word"
                        + " that marks a release; add \"marker: released\"");
    }

    @Test
    void load_toyKindBadNumber_namesItsLine() {
        assertThatThrownBy(() -> load(KINDS, feeds("https://example.com/changes.txt",
                "    marker: released\n    maxLines: 500")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 7")
                .hasMessageContaining("'maxLines' must be between 1 and 100, not 500");
    }

    @Test
    void load_kindMissingFromTheRegistry_isRefusedAtStartWithItsLine() {
        assertThatThrownBy(() -> load(SourceTypes.BUILT_IN, feeds("https://example.com/changes.txt", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("source 'deepseek-changes' has unknown kind 'changelog'; use one of feed,"
                        + " huggingface, github-releases, github-org, arxiv, html");
    }

    @Test
    void open_configWithAKindThePipelineLacks_failsAtStartNotAtPoll() throws Exception {
        CollideConfig config = load(KINDS, feeds("https://example.com/changes.txt", "    marker: released"));

        assertThatThrownBy(() -> Collide.open(config, CLOCK, SourceTypes.BUILT_IN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source deepseek-changes has kind 'changelog', which this build does not register; add"
                        + " its SourceType to SourceTypes");
    }
}
