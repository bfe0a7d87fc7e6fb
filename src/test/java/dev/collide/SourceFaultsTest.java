package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.source.SourceConfigs;
import dev.collide.store.SourceHealth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every source kind meets every WireMock fault: a reported, retryable failure and a later retry, nothing else. */
@WireMockTest
class SourceFaultsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-25T10:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> kindsAndFaults() {
        Map<SourceKind, Map<String, String>> params = Map.of(
                SourceKind.FEED, Map.of(),
                SourceKind.HUGGINGFACE, Map.of("org", "deepseek-ai"),
                SourceKind.GITHUB_RELEASES, Map.of("repo", "deepseek-ai/DeepSeek-V3"),
                SourceKind.GITHUB_ORG, Map.of("org", "deepseek-ai"),
                SourceKind.ARXIV, Map.of("query", "au:DeepSeek"),
                SourceKind.HTML, Map.of("item", "article", "title", "h2", "link", "a", "date", "time"));
        return params.entrySet().stream().flatMap(kind -> Stream.of(Fault.values())
                .map(fault -> Arguments.of(kind.getKey(), kind.getValue(), fault)));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("kindsAndFaults")
    @Timeout(20)
    void poll_fault_isReportedAndRetriedLater(SourceKind kind, Map<String, String> params, Fault fault,
                                              WireMockRuntimeInfo wm) throws Exception {
        stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
        var source = SourceConfigs.typed(new SourceConfig("faulty", kind, URI.create(wm.getHttpBaseUrl() + "/feed"),
                Duration.ofMinutes(30), true, Optional.empty(), params, 1));
        CollideConfig labs = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        HttpConfig http = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4),
                1 << 20, "Collide-test", 0, Duration.ofMillis(1), 2, 5);
        CollideConfig config = new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()), labs.detection(), http,
                labs.notifications(), labs.server(), labs.labs(), labs.conferences(), List.of(source));

        try (Collide collide = Collide.open(config, CLOCK)) {
            SourceReport report = collide.pipeline().poll(source);

            assertThat(report.status()).isEqualTo("failed");
            assertThat(report.error()).get().asString().isNotBlank().doesNotContain("\n");
            assertThat(collide.articles().count()).isZero();
            SourceHealth health = collide.sourceStates().find("faulty");
            assertThat(health.errorCount()).isEqualTo(1);
            assertThat(health.nextFetchAt()).get().isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(30)));
        }
    }
}
