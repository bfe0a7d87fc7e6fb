package dev.collide.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DetectionConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 17 item 12: the edges of the window and of the 72 h tier are inclusive, and each side is pinned. */
class CollisionEdgeTest {
    private final EventBuilder builder = new EventBuilder();
    private final CollisionDetector detector = new CollisionDetector(new DetectionConfig(Duration.ofDays(7), 0.5,
            List.of(Set.of("deepseek", "moonshot"))));

    private List<Collision> detect(List<Evidence> evidence) {
        return detector.detect(builder.build(evidence), List.of());
    }

    @Test
    void detect_exactlyTheWindowApart_collides() {
        List<Collision> found = detect(List.of(
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)),
                Evidences.labPost("moonshot", "kimi-k1.5", LocalDate.of(2025, 1, 27))));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.gapDays()).contains(7L);
            assertThat(c.tier()).isEqualTo(Tier.WITHIN_WINDOW);
        });
    }

    @Test
    void detect_oneDayPastTheWindow_doesNotCollide() {
        assertThat(detect(List.of(
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)),
                Evidences.labPost("moonshot", "kimi-k1.5", LocalDate.of(2025, 1, 28))))).isEmpty();
    }

    @Test
    void detect_instantsExactly72HoursApart_areWithin72h() {
        List<Collision> found = detect(List.of(
                Evidences.hub("minimax", "minimax-m2", Instant.parse("2025-10-25T10:00:00Z")),
                Evidences.hub("moonshot", "kimi-k2", Instant.parse("2025-10-28T10:00:00Z"))));

        assertThat(found).singleElement().extracting(Collision::tier).isEqualTo(Tier.WITHIN_72H);
    }

    @Test
    void detect_instants72HoursAndOneSecondApart_areWithinTheWindow() {
        List<Collision> found = detect(List.of(
                Evidences.hub("minimax", "minimax-m2", Instant.parse("2025-10-25T10:00:00Z")),
                Evidences.hub("moonshot", "kimi-k2", Instant.parse("2025-10-28T10:00:01Z"))));

        assertThat(found).singleElement().extracting(Collision::tier).isEqualTo(Tier.WITHIN_WINDOW);
    }

    @Test
    void detect_daysThreeApart_areWithin72h() {
        List<Collision> found = detect(List.of(
                Evidences.labPost("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 23)),
                Evidences.labPost("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20))));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.gapDays()).contains(3L);
            assertThat(c.tier()).isEqualTo(Tier.WITHIN_72H);
        });
    }
}
