package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoredCollision;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From feeds served over HTTP to a collision in H2, through the real fetcher, parser, extractor and detector. */
@WireMockTest
class PipelineEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-21T08:00:00Z"), ZoneOffset.UTC);

    private Collide collide;
    private SourceConfig deepseek;
    private SourceConfig moonshot;
    private SourceConfig broken;

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/pipeline", name));
    }

    private static SourceConfig source(String id, String url, Optional<String> lab) {
        return new SourceConfig(id, SourceKind.FEED, URI.create(url), Duration.ofMinutes(30), true, lab, Map.of(), 1);
    }

    @BeforeEach
    void open(WireMockRuntimeInfo wm) throws Exception {
        String base = wm.getHttpBaseUrl();
        deepseek = source("deepseek-news", base + "/deepseek.atom", Optional.of("deepseek"));
        moonshot = source("moonshot-blog", base + "/moonshot.rss", Optional.of("moonshot"));
        broken = source("broken", base + "/broken.xml", Optional.empty());
        CollideConfig labsOnly = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        HttpConfig fastRetries = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                1 << 20, "Collide-test", 2, Duration.ofMillis(1), 2, 5);
        CollideConfig config = new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()), labsOnly.detection(), fastRetries,
                labsOnly.notifications(), labsOnly.server(), labsOnly.labs(), labsOnly.conferences(),
                List.of(deepseek, moonshot, broken));
        collide = Collide.open(config, CLOCK);
        stubFor(get("/deepseek.atom").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
                .withHeader("ETag", "\"ds1\"").withBody(fixture("deepseek-news.atom"))));
        stubFor(get("/deepseek.atom").withHeader("If-None-Match", equalTo("\"ds1\""))
                .willReturn(aResponse().withStatus(304)));
        stubFor(get("/moonshot.rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(fixture("moonshot-blog.rss"))));
        stubFor(get("/broken.xml").willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody("<rss><channel><title>half a feed</title><item><title>cut")));
    }

    @AfterEach
    void close() {
        collide.close();
    }

    @Test
    void twoFeeds_sameDayReleases_giveOneCollision() throws Exception {
        collide.pipeline().poll(deepseek);
        collide.pipeline().poll(moonshot);

        DetectionReport report = collide.pipeline().detect();

        assertThat(report.created()).isEqualTo(1);
        List<StoredCollision> collisions = collide.archive().collisions(ArchiveQuery.all(), Optional.empty(), false);
        assertThat(collisions).singleElement().satisfies(c -> {
            assertThat(c.a().lab() + "/" + c.b().lab()).isIn("deepseek/moonshot", "moonshot/deepseek");
            assertThat(c.a().date()).contains(LocalDate.of(2025, 1, 20));
            assertThat(c.b().date()).contains(LocalDate.of(2025, 1, 20));
            assertThat(c.tier().name()).isEqualTo("SAME_DAY");
            assertThat(c.rivalry()).isTrue();
        });
    }

    @Test
    void secondFetch_notModified_storesNothing() throws Exception {
        SourceReport first = collide.pipeline().poll(deepseek);
        SourceReport second = collide.pipeline().poll(deepseek);

        assertThat(first.stored()).isEqualTo(2);
        assertThat(second.status()).isEqualTo("unchanged");
        assertThat(second.stored()).isZero();
        assertThat(collide.articles().count()).isEqualTo(2);
        verify(1, getRequestedFor(urlEqualTo("/deepseek.atom")).withHeader("If-None-Match", equalTo("\"ds1\"")));
    }

    @Test
    void refetch_oneNewItem_storesExactlyOne() throws Exception {
        collide.pipeline().poll(moonshot);
        stubFor(get("/moonshot.rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(fixture("moonshot-blog-v2.rss"))));

        SourceReport again = collide.pipeline().poll(moonshot);

        assertThat(again.seen()).isEqualTo(2);
        assertThat(again.stored()).isEqualTo(1);
        assertThat(collide.articles().count()).isEqualTo(2);
    }

    @Test
    void serverError_thenOk_isRetriedWithinOnePoll() throws Exception {
        stubFor(get("/moonshot.rss").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        stubFor(get("/moonshot.rss").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                        .withBody(fixture("moonshot-blog.rss"))));

        SourceReport report = collide.pipeline().poll(moonshot);

        assertThat(report.status()).isEqualTo("ok");
        assertThat(report.stored()).isEqualTo(1);
        verify(2, getRequestedFor(urlEqualTo("/moonshot.rss")));
    }

    @Test
    void malformedFeed_isReportedAndOthersGoOn() throws Exception {
        SourceReport bad = collide.pipeline().poll(broken);
        SourceReport good = collide.pipeline().poll(deepseek);

        assertThat(bad.status()).isEqualTo("failed");
        assertThat(bad.error()).get().asString().isNotBlank().doesNotContain("\n");
        assertThat(good.stored()).isEqualTo(2);
        SourceHealth health = collide.sourceStates().find("broken");
        assertThat(health.errorCount()).isEqualTo(1);
        assertThat(health.nextFetchAt()).contains(CLOCK.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void failingSource_backsOffLongerEachTime() throws Exception {
        collide.pipeline().poll(broken);
        collide.pipeline().poll(broken);
        collide.pipeline().poll(broken);

        SourceHealth health = collide.sourceStates().find("broken");
        assertThat(health.errorCount()).isEqualTo(3);
        assertThat(health.nextFetchAt()).contains(CLOCK.instant().plus(Duration.ofMinutes(120)));
        assertThat(collide.pipeline().pollIfDue(broken)).isEmpty();
    }

    @Test
    void fetchRun_savesEverySourcesStateBeforeItReturns_thoughUnchangedAndFailedPollsOnlyQueueIt() throws Exception {
        FetchRun.pollAll(collide.pipeline(), List.of(deepseek, moonshot, broken), 4);
        List<SourceReport> second;
        int errorsWhenTheRunReturned;
        // another transaction holds the failing source's row for a while, so its queued state commits late: the run
        // must wait for it rather than return with it still queued
        try (java.sql.Connection holder = collide.database().dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var ps = holder.prepareStatement("UPDATE source_state SET source_id = source_id WHERE source_id = ?")) {
                ps.setString(1, "broken");
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            var release = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    holder.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            second = FetchRun.pollAll(collide.pipeline(), List.of(deepseek, broken), 4);
            // read when the run returns (MVCC: a read is not blocked by the holder)
            errorsWhenTheRunReturned = collide.sourceStates().find("broken").errorCount();
            release.join();
        }

        // read at once, before close: the run itself waited for the queued states (a failure's error count, the
        // unchanged poll's next fetch)
        assertThat(second).extracting(SourceReport::status).containsExactly("unchanged", "failed");
        assertThat(errorsWhenTheRunReturned).isEqualTo(2);
        assertThat(collide.sourceStates().find("deepseek-news").lastSuccessAt()).isPresent();
        assertThat(collide.sourceStates().find("moonshot-blog").itemCount()).isEqualTo(1);
    }
}
