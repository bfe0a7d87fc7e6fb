package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.config.HttpConfig;
import dev.collide.config.Lab;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.DictionaryExtractor;
import dev.collide.extract.NearDuplicates;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.FeedParser;
import dev.collide.source.FeedSource;
import dev.collide.source.HuggingFaceSource;
import dev.collide.source.LabDirectory;
import dev.collide.source.SourceConfigs;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.Database;
import dev.collide.store.DetectionLock;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.StoredCollision;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #5 "done": a hub listing for one lab and an RSS feed for another, two days apart, give one collision. */
class SourcesEndToEndTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-07T09:00:00Z"), ZoneOffset.UTC);
    static final HttpConfig HTTP = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1024 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);
    static final List<Lab> LABS = List.of(
            new Lab("moonshot", "Moonshot AI", List.of("Moonshot AI"), List.of("Kimi"), List.of(),
                    List.of("moonshotai")),
            new Lab("deepseek", "DeepSeek", List.of("DeepSeek-AI"), List.of("DeepSeek"), List.of(),
                    List.of("deepseek-ai")));

    private Database db;
    private Pipeline pipeline;
    private JdbcEventStore events;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        var fetcher = new ConditionalFetcher(HTTP, CLOCK);
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of()));
        pipeline = new Pipeline(Map.of(
                        SourceKind.HUGGINGFACE, new HuggingFaceSource(fetcher, new LabDirectory(LABS), name -> null),
                        SourceKind.FEED, new FeedSource(fetcher, new FeedParser())),
                new DictionaryExtractor(LABS), article -> NearDuplicates.fingerprint(article.text()),
                new JdbcArticleStore(db.dataSource()),
                new JdbcSourceStateStore(db.dataSource()), events, new EventBuilder(),
                new CollisionDetector(DetectionConfig.defaults()), new DetectionLock(db.dataSource(), false), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hubListingAndLabFeedTwoDaysApart_giveOneCollisionDatedByTheHubRecord() throws Exception {
        stubFor(get(urlEqualTo("/api/models?author=moonshotai&sort=createdAt&limit=50")).willReturn(okJson("""
                [{"_id":"6909b87b734dd24dd19da3ef","id":"moonshotai/Kimi-K2-Thinking","private":false,
                  "tags":["transformers","text-generation"],"pipeline_tag":"text-generation",
                  "createdAt":"2025-11-04T08:25:31.000Z","modelId":"moonshotai/Kimi-K2-Thinking"}]""")));
        stubFor(get("/deepseek.rss").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody("""
                <rss version="2.0"><channel><title>DeepSeek News</title>
                <item><title>DeepSeek-V3.2</title><link>https://api-docs.deepseek.com/news/news251106</link>
                <pubDate>Thu, 06 Nov 2025 10:00:00 +0000</pubDate><description>We release DeepSeek-V3.2 today, on the
                app, web and API.</description></item>
                </channel></rss>""")));
        String base = WIREMOCK.getRuntimeInfo().getHttpBaseUrl();
        var hub = SourceConfigs.typed(new SourceConfig("hf-moonshotai", SourceKind.HUGGINGFACE, URI.create(base),
                Duration.ofMinutes(30), true, Optional.empty(), Map.of("org", "moonshotai"), 1));
        var feed = new SourceConfig("deepseek-news", SourceKind.FEED, URI.create(base + "/deepseek.rss"),
                Duration.ofHours(1), true, Optional.of("deepseek"), Map.of(), 2);

        assertThat(pipeline.poll(hub).stored()).isEqualTo(1);
        assertThat(pipeline.poll(feed).stored()).isEqualTo(1);
        pipeline.detect();

        List<StoredCollision> collisions = new JdbcArchiveReader(db.dataSource()).collisions(ArchiveQuery.all(),
                Optional.empty(), false);
        assertThat(collisions).hasSize(1);
        StoredCollision collision = collisions.get(0);
        assertThat(collision.gapDays()).contains(2);
        var moonshot = collision.a().lab().equals("moonshot") ? collision.a() : collision.b();
        var deepseek = collision.a().lab().equals("moonshot") ? collision.b() : collision.a();
        assertThat(moonshot.model()).isEqualTo("Kimi-K2-Thinking");
        assertThat(moonshot.releaseAt()).contains(Instant.parse("2025-11-04T08:25:31Z"));
        assertThat(moonshot.precision()).contains("INSTANT");
        assertThat(deepseek.date()).contains(LocalDate.parse("2025-11-06"));
    }
}
