package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.fetch.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceHealthTest {
    private static final Instant BEFORE = Instant.parse("2026-04-25T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-25T09:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-04-25T10:00:00Z");
    private static final Validators V7 = Validators.of("\"v7\"", null, null);
    private static final Validators V8 = Validators.of("\"v8\"", null, null);

    /** Two failures in a row, after 10 items stored and one 304. */
    private static SourceHealth failingTwice() {
        return new SourceHealth("lab-blog", V7, Optional.of(BEFORE), Optional.of(BEFORE),
                Optional.of(BEFORE), "failed", Optional.of("timeout"), 2, Optional.of(BEFORE), 5, 1, 10, 0,
                Optional.of(Duration.ofMinutes(30)));
    }

    @Test
    void afterItems_twoNewOfThree_isOkWithCountersMoved() {
        var next = failingTwice().afterItems(V8, 3, 2, NOW, NEXT, Duration.ofMinutes(15));

        assertThat(next).isEqualTo(new SourceHealth("lab-blog", V8, Optional.of(NOW),
                Optional.of(NOW), Optional.of(NOW), "ok", Optional.empty(), 0, Optional.of(NEXT), 6, 1, 12, 0,
                Optional.of(Duration.ofMinutes(15))));
    }

    @Test
    void afterItems_noItems_countsAnEmptyPollAndKeepsLastItemsAt() {
        var next = failingTwice().afterItems(Validators.NONE, 0, 0, NOW, NEXT, Duration.ofMinutes(45));

        assertThat(next).isEqualTo(new SourceHealth("lab-blog", Validators.NONE, Optional.of(NOW), Optional.of(NOW),
                Optional.of(BEFORE), "ok", Optional.empty(), 0, Optional.of(NEXT), 6, 1, 10, 1,
                Optional.of(Duration.ofMinutes(45))));
    }

    @Test
    void afterUnchanged_countsANotModifiedSuccess() {
        var next = failingTwice().afterUnchanged(V7, NOW, NEXT, Duration.ofMinutes(45));

        assertThat(next).isEqualTo(new SourceHealth("lab-blog", V7, Optional.of(NOW),
                Optional.of(NOW), Optional.of(BEFORE), "unchanged", Optional.empty(), 0, Optional.of(NEXT), 6, 2, 10,
                0, Optional.of(Duration.ofMinutes(45))));
    }

    @Test
    void afterFailure_rateLimited_keepsValidatorsAndLastSuccess() {
        var next = failingTwice().afterFailure("429 from lab-blog", true, NOW, NEXT);

        assertThat(next).isEqualTo(new SourceHealth("lab-blog", V7, Optional.of(NOW),
                Optional.of(BEFORE), Optional.of(BEFORE), "rate-limited", Optional.of("429 from lab-blog"), 3,
                Optional.of(NEXT), 6, 1, 10, 0, Optional.of(Duration.ofMinutes(30))));
    }

    /** An error stored before issue 17 item 8 may hold a feed's escape sequence; it is shown clean all the same. */
    @Test
    void new_lastErrorWithControlCharacters_isOneCleanLine() {
        var health = new SourceHealth("lab-blog", Validators.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), "failed", Optional.of("source lab-blog: bad date '\u001b[2J2025\u202e'\nsee log"),
                3, Optional.empty(), 3, 0, 0);

        assertThat(health.lastError()).contains("source lab-blog: bad date '[2J2025' see log");
    }
}
