package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.source.SourceConfigs;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvidence;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3a: the labs' real feeds in {@code ../shared/corpus/formats} (read at test time, never copied),
 * served over HTTP as sources with their labs, window 3 days. The three real same-window pairs are found, and no
 * non-release post (Moonshot's setup guide and AMA recap) is paired with anything.
 */
@WireMockTest
class RealFeedsReplayTest {
    private static final Path FORMATS = Path.of("../shared/corpus/formats");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

    private record Feed(String id, String file, String path, SourceKind kind, Optional<String> lab,
                        Map<String, String> params) {
    }

    private static final List<Feed> FEEDS = List.of(
            new Feed("deepseek-news", "scraped-deepseek-news.atom", "/deepseek.atom", SourceKind.FEED,
                    Optional.of("deepseek"), Map.of()),
            new Feed("moonshot-blog", "scraped-moonshot-blog.atom", "/moonshot.atom", SourceKind.FEED,
                    Optional.of("moonshot"), Map.of()),
            new Feed("minimax-blog", "scraped-minimax-blog.atom", "/minimax.atom", SourceKind.FEED,
                    Optional.of("minimax"), Map.of()),
            new Feed("z-ai-blog", "scraped-z-ai-blog.atom", "/z-ai.atom", SourceKind.FEED, Optional.of("zhipu"),
                    Map.of()),
            new Feed("qwen-blog", "qwen-blog-index.rss.xml", "/qwen.rss", SourceKind.FEED, Optional.of("qwen"),
                    Map.of()),
            new Feed("github-releases", "github-releases.atom", "/releases.atom", SourceKind.FEED,
                    Optional.empty(), Map.of()));

    /** What the replay finds, for the report: every collision as "lab family date x lab family date". */
    static List<String> describe(List<StoredCollision> collisions) {
        List<String> lines = new ArrayList<>();
        for (StoredCollision c : collisions) {
            lines.add(c.a().lab() + " " + c.a().family() + " " + c.a().date().orElse(null) + " x " + c.b().lab()
                    + " " + c.b().family() + " " + c.b().date().orElse(null) + " (" + c.tier() + ")");
        }
        return lines;
    }

    /**
     * As served. Today the store keeps one item of the MiniMax and Z.ai feeds, whose entries share one link (fixed
     * on branch i17a), so the three pairs, which all involve those feeds, are asserted by the test below; once that
     * fix is merged this test should assert them too.
     */
    @Test
    void realLabFeeds_asServed_pairNoNonReleasePost(WireMockRuntimeInfo wm) throws Exception {
        List<String> lines = replay(wm, false);
        assertThat(lines).as("R1-Lite is its own event; R1 keeps its own post's date")
                .contains("event deepseek deepseek-r1 2025-01-20", "event deepseek deepseek-r1-lite 2024-11-20");
        assertThat(lines).as("V3 keeps DeepSeek's own 2024/12/26").contains("event deepseek deepseek-v3 2024-12-26");
        assertThat(lines).noneMatch(l -> l.contains("rests on"));
        // entries sharing one link are kept (issue 17 item 1), so the real pairs are found as served
        assertThat(lines).as("DeepSeek-V3.2-Exp x GLM-4.6, as served")
                .anyMatch(l -> l.contains("deepseek-v3.2-exp ") && l.contains("glm-4.6 "));
        assertThat(lines).as("MiniMax-M2.1 x GLM-4.7, as served").anyMatch(l -> l.contains("minimax-m2.1 ")
                && l.contains("glm-4.7 "));
    }

    /** The MiniMax and Z.ai entries given distinct links in memory: a stand-in for the store fix of branch i17a. */
    @Test
    void realLabFeeds_findTheThreeRealPairs_andPairNoNonReleasePost(WireMockRuntimeInfo wm) throws Exception {
        List<String> lines = replay(wm, true);
        assertThat(lines).noneMatch(l -> l.contains("rests on"));
        assertThat(lines).as("DeepSeek-V3.2-Exp x GLM-4.6")
                .anyMatch(l -> l.contains("deepseek-v3.2-exp ") && l.contains("glm-4.6 "));
        assertThat(lines).as("MiniMax-M2.1 x GLM-4.7").anyMatch(l -> l.contains("minimax-m2.1 ")
                && l.contains("glm-4.7 "));
    }

    /**
     * GLM-5-Turbo x MiniMax-M2.7 (3 days apart). The extractor (issue 12) does not yet read the Z.ai entries
     * "GLM-5-Turbo" / "Designed for ..." as releases, so the pair is checked only once GLM-5-Turbo is an event.
     */
    @Test
    void realLabFeeds_glm5TurboAndMiniMaxM27_collideOnceBothAreEvents(WireMockRuntimeInfo wm) throws Exception {
        List<String> lines = replay(wm, true);
        assumeTrue(lines.stream().anyMatch(l -> l.startsWith("event zhipu glm-5-turbo ")),
                "skipped: the extractor reads no release of GLM-5-Turbo from the Z.ai feed (issue 12)");
        assertThat(lines).anyMatch(l -> l.contains("glm-5-turbo ") && l.contains("minimax-m2.7 ")
                && !l.startsWith("event "));
    }

    /** Entry links made unique by the entry's own id, so that no entry is taken for a copy of another. */
    private static String distinctLinks(String atom) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<id>([0-9a-f]{32})</id>(\\s*)<link href=\"([^\"?]+)\"/>").matcher(atom);
        while (m.find()) {
            out.append(atom, at, m.start()).append("<id>").append(m.group(1)).append("</id>").append(m.group(2))
                    .append("<link href=\"").append(m.group(3)).append("?entry=").append(m.group(1))
                    .append("\"/>");
            at = m.end();
        }
        return out.append(atom.substring(at)).toString();
    }

    /** Polls every feed, detects, prints what was found; lines of collisions on a non-release post say so. */
    private static List<String> replay(WireMockRuntimeInfo wm, boolean distinct) throws Exception {
        if (!Files.isDirectory(FORMATS)) {
            dev.collide.RequiredService.missing("skipped: " + FORMATS.toAbsolutePath() + " is absent");
        }
        String base = wm.getHttpBaseUrl();
        List<SourceConfig> sources = new ArrayList<>();
        for (Feed f : FEEDS) {
            stubFor(get(urlPathEqualTo(f.path())).willReturn(aResponse()
                    .withHeader("Content-Type", f.file().endsWith(".atom") ? "application/atom+xml"
                            : "application/rss+xml").withBody(distinct && f.file().startsWith("scraped-")
                            ? distinctLinks(Files.readString(FORMATS.resolve(f.file())))
                            : Files.readString(FORMATS.resolve(f.file())))));
            sources.add(SourceConfigs.typed(new SourceConfig(f.id(), f.kind(), URI.create(base + f.path()),
                    Duration.ofMinutes(30), true, f.lab(), f.params(), 1)));
        }
        // the HF listing, as the Hub's /api/models answers for the organisations it lists
        stubFor(get(urlPathEqualTo("/api/models")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(Files.readAllBytes(FORMATS.resolve("hf-models-list.json")))));
        sources.add(SourceConfigs.typed(new SourceConfig("hf-moonshot", SourceKind.HUGGINGFACE, URI.create(base),
                Duration.ofHours(1), true, Optional.of("moonshot"), Map.of("org", "moonshotai"), 1)));
        CollideConfig labsOnly = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        CollideConfig config = new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()),
                labsOnly.detection().withWindow(Duration.ofDays(3)), labsOnly.http(), labsOnly.notifications(),
                labsOnly.server(), labsOnly.labs(), labsOnly.conferences(), sources);
        try (Collide collide = Collide.open(config, CLOCK)) {
            for (SourceConfig s : sources) {
                SourceReport r = collide.pipeline().poll(s);
                System.out.println("  " + s.id() + ": " + r.status() + ", seen " + r.seen() + ", stored "
                        + r.stored());
            }
            collide.pipeline().detectAll();
            List<StoredCollision> found = collide.archive().collisions(ArchiveQuery.all(), Optional.empty(), false);
            List<String> lines = describe(found);
            System.out.println("real feeds replay (distinct links " + distinct + "), window 3 days: " + found.size() + " collisions");
            lines.forEach(l -> System.out.println("  " + l));

            for (StoredCollision c : found) {
                for (var side : List.of(c.a(), c.b())) {
                    for (StoredEvidence e : collide.archive().evidence(side.id())) {
                        String t = e.articleTitle().toLowerCase(Locale.ROOT);
                        if (e.release() && (t.contains("setup guide") || t.contains("ama recap"))) {
                            lines.add(describe(List.of(c)).get(0) + " rests on '" + e.articleTitle() + "'");
                        }
                    }
                }
            }
            for (var e : collide.archive().events(ArchiveQuery.all())) {
                lines.add("event " + e.lab() + " " + e.family() + " " + e.date().orElse(null));
            }
            return lines;
        }
    }
}
