package dev.collide.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostPacerTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();
    static final Instant T0 = Instant.parse("2025-12-05T12:00:00Z");

    @Test
    void reserve_threeCallsAtOnce_areSpacedByTheGap() {
        var pacer = new HostPacer(Map.of("export.arxiv.org", Duration.ofSeconds(3)));

        assertThat(pacer.reserve("export.arxiv.org", T0)).isEqualTo(Duration.ZERO);
        assertThat(pacer.reserve("EXPORT.arxiv.org", T0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(pacer.reserve("export.arxiv.org", T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reserve_afterTheGap_doesNotWait() {
        var pacer = new HostPacer(Map.of("export.arxiv.org", Duration.ofSeconds(3)));
        pacer.reserve("export.arxiv.org", T0);

        assertThat(pacer.reserve("export.arxiv.org", T0.plusSeconds(10))).isEqualTo(Duration.ZERO);
    }

    @Test
    void reserve_unpacedHost_neverWaits() {
        var pacer = new HostPacer(HostPacer.DEFAULTS);
        pacer.reserve("huggingface.co", T0);

        assertThat(pacer.reserve("huggingface.co", T0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void fetch_twoCallsToAPacedHost_sleepsTheGapBeforeTheSecond() {
        stubFor(get("/api/query").willReturn(ok("<feed/>")));
        List<Duration> sleeps = new ArrayList<>();
        var config = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 65536,
                "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);
        var fetcher = new ConditionalFetcher(config, Clock.fixed(T0, ZoneOffset.UTC), sleeps::add, Dns.SYSTEM,
                address -> false, Map.of("localhost", Duration.ofSeconds(3)));
        URI url = URI.create(WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/api/query");

        fetcher.fetch(url, Validators.NONE);
        fetcher.fetch(url, Validators.NONE);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }
}
