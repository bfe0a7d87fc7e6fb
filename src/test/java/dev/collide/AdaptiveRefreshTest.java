package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.Validators;
import dev.collide.store.SourceHealth;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveRefreshTest {
    private static SourceConfig source(Map<String, String> params) {
        return new SourceConfig("s", SourceKind.FEED, URI.create("https://example.com/feed"), Duration.ofHours(1),
                true, Optional.empty(), params, 1);
    }

    private static SourceHealth polled(long fetches, Optional<Duration> interval) {
        return new SourceHealth("s", Validators.NONE, Optional.empty(), Optional.empty(), Optional.empty(), "ok",
                Optional.empty(), 0, Optional.empty(), fetches, 0, 0, 0, interval);
    }

    @Test
    void next_firstPoll_keepsEvery() {
        assertThat(AdaptiveRefresh.next(source(Map.of()), polled(0, Optional.empty()), 12))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void next_newItems_halvesDownToMinEveryDefault() {
        assertThat(AdaptiveRefresh.next(source(Map.of()), polled(3, Optional.of(Duration.ofHours(1))), 2))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(AdaptiveRefresh.next(source(Map.of()), polled(4, Optional.of(Duration.ofMinutes(30))), 2))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void next_nothingNew_growsByHalfUpToMaxEvery() {
        assertThat(AdaptiveRefresh.next(source(Map.of()), polled(3, Optional.of(Duration.ofHours(2))), 0))
                .isEqualTo(Duration.ofHours(3));
        assertThat(AdaptiveRefresh.next(source(Map.of()), polled(3, Optional.of(Duration.ofHours(3))), 0))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void next_configuredBounds_win() {
        var config = source(Map.of("minEvery", "20m", "maxEvery", "90m"));

        assertThat(AdaptiveRefresh.next(config, polled(3, Optional.of(Duration.ofMinutes(30))), 5))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(AdaptiveRefresh.next(config, polled(3, Optional.of(Duration.ofMinutes(80))), 0))
                .isEqualTo(Duration.ofMinutes(90));
    }
}
