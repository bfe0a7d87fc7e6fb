package dev.collide.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DetectionConfig;
import dev.collide.extract.CoRelease;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollisionDetectorTest {
    private final EventBuilder builder = new EventBuilder();
    private final CollisionDetector detector = new CollisionDetector(new DetectionConfig(Duration.ofDays(7), 0.5,
            List.of(Set.of("deepseek", "moonshot"))));

    private List<Collision> detect(List<Evidence> evidence, List<CoRelease> co) {
        return detector.detect(builder.build(evidence), co);
    }

    @Test
    void detect_sameDayReleasesOfTwoLabs_giveSameDayRivalry() {
        List<Collision> found = detect(List.of(
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)),
                Evidences.labPost("moonshot", "kimi-k1.5", LocalDate.of(2025, 1, 20))), List.of());

        assertThat(found).hasSize(1);
        Collision c = found.get(0);
        assertThat(c.tier()).isEqualTo(Tier.SAME_DAY);
        assertThat(c.gapDays()).contains(0L);
        assertThat(c.rivalry()).isTrue();
        assertThat(c.id()).isEqualTo(Collision.idFor(c.b().id(), c.a().id()));
    }

    @Test
    void detect_fourDaysApart_isWithinWindowAndOrdered() {
        List<Collision> found = detect(List.of(
                Evidences.labPost("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)),
                Evidences.labPost("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20))), List.of());

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.a().family()).isEqualTo("kimi-k2.6");
            assertThat(c.b().family()).isEqualTo("deepseek-v4");
            assertThat(c.gapDays()).contains(4L);
            assertThat(c.tier()).isEqualTo(Tier.WITHIN_WINDOW);
        });
    }

    @Test
    void detect_hubInstants50HoursApart_areWithin72h() {
        List<Collision> found = detect(List.of(
                Evidences.hub("minimax", "minimax-m2", Instant.parse("2025-10-25T10:00:00Z")),
                Evidences.hub("moonshot", "kimi-k2", Instant.parse("2025-10-27T12:00:00Z"))), List.of());

        assertThat(found).singleElement().extracting(Collision::tier).isEqualTo(Tier.WITHIN_72H);
    }

    @Test
    void detect_eightDaysApart_noCollision() {
        assertThat(detect(List.of(
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)),
                Evidences.labPost("qwen", "qwen2.5-max", LocalDate.of(2025, 1, 28))), List.of())).isEmpty();
    }

    @Test
    void detect_sameLab_noCollision() {
        assertThat(detect(List.of(
                Evidences.labPost("deepseek", "deepseek-v3.2-exp", LocalDate.of(2025, 9, 29)),
                Evidences.labPost("deepseek", "deepseek-v3.1", LocalDate.of(2025, 9, 30))), List.of())).isEmpty();
    }

    @Test
    void detect_threeLabsInOneWeek_givesAllThreePairs() {
        List<Collision> found = detect(List.of(
                Evidences.labPost("qwen", "qwen3", LocalDate.of(2025, 4, 29)),
                Evidences.labPost("deepseek", "deepseek-prover-v2", LocalDate.of(2025, 4, 30)),
                Evidences.labPost("xiaomi", "mimo", LocalDate.of(2025, 4, 30))), List.of());

        assertThat(found).hasSize(3);
        // same-day releases are ordered by event id, so compare the pairs as sets
        assertThat(found).extracting(c -> new java.util.TreeSet<>(List.of(c.a().lab(), c.b().lab())).toString())
                .containsExactlyInAnyOrder("[deepseek, qwen]", "[qwen, xiaomi]", "[deepseek, xiaomi]");
        assertThat(found).allMatch(c -> !c.a().date().orElseThrow().date().isAfter(c.b().date().orElseThrow().date()));
    }

    @Test
    void detect_monthOnlyDates_noCollisionWithoutStatement() {
        assertThat(detect(List.of(
                Evidences.month("deepseek", "nsa", YearMonth.of(2025, 2)),
                Evidences.month("moonshot", "moba", YearMonth.of(2025, 2))), List.of())).isEmpty();
    }

    @Test
    void detect_reportedCoReleaseWithMonthOnlyDates_givesReportedCollision() {
        var co = new CoRelease("deepseek", "nsa", "moonshot", "moba", 0, "both on the same day");

        List<Collision> found = detect(List.of(
                Evidences.month("deepseek", "nsa", YearMonth.of(2025, 2)),
                Evidences.month("moonshot", "moba", YearMonth.of(2025, 2))), List.of(co));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.reported()).isTrue();
            assertThat(c.gapDays()).contains(0L);
            assertThat(c.tier()).isEqualTo(Tier.WITHIN_72H);
        });
    }

    @Test
    void detect_statementNamingThePlainNameOfASameDayPreview_marksThePreviewsCollision() {
        var preview = Evidences.in("deepseek", "deepseek-v9-preview", "deepseek-v9",
                ReleaseDate.ofDay(LocalDate.of(2031, 3, 4)), ArticleKind.LAB_POST,
                Instant.parse("2031-03-04T09:00:00Z"), Optional.of("deepseek"), "DeepSeek V9 Preview is here");
        var plain = Evidences.in("deepseek", "deepseek-v9", "deepseek-v9",
                ReleaseDate.ofDay(LocalDate.of(2031, 3, 4)), ArticleKind.NEWS,
                Instant.parse("2031-03-06T09:00:00Z"), Optional.empty(), "DeepSeek V9 landed on Tuesday");
        var kimi = Evidences.labPost("moonshot", "kimi-k9", LocalDate.of(2031, 3, 2));
        var co = new CoRelease("moonshot", "kimi-k9", "deepseek", "deepseek-v9", 7, "both shipped that week");

        List<Collision> found = detect(List.of(preview, plain, kimi), List.of(co));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.b().family()).isEqualTo("deepseek-v9-preview");
            assertThat(c.reported()).isTrue();
        });
    }

    @Test
    void detect_lowConfidenceRumour_neverCollides() {
        var rumour = Evidences.of("mistral", "mistral-large-3",
                ReleaseDate.ofDay(LocalDate.of(2025, 1, 21)),
                ArticleKind.NEWS, 0.2, 5);

        assertThat(detect(List.of(rumour,
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20))), List.of())).isEmpty();
    }

    @Test
    void detect_sameInputTwice_sameIds() {
        List<Evidence> evidence = List.of(
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)),
                Evidences.labPost("moonshot", "kimi-k1.5", LocalDate.of(2025, 1, 20)));

        assertThat(detect(evidence, List.of())).extracting(Collision::id)
                .isEqualTo(detect(evidence, List.of()).stream().map(Collision::id).toList());
        assertThat(detect(evidence, List.of()).get(0).gapDays()).isEqualTo(Optional.of(0L));
    }

    @Test
    void settings_nameTheDatingRules_soAnArchiveBuiltBeforeIsRebuiltOnStart() {
        assertThat(detector.settings()).endsWith(" dating=" + CollisionDetector.DATING_RULES);
    }
}
