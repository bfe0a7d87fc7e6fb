package dev.collide.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBuilderTest {
    private final EventBuilder builder = new EventBuilder();

    @Test
    void build_variantsOfOneFamily_giveOneEvent() {
        var a = Evidences.news("qwen", "qwen3", LocalDate.of(2025, 4, 29));
        var b = Evidences.news("qwen", "qwen3", LocalDate.of(2025, 4, 29));
        var other = Evidences.news("deepseek", "deepseek-prover-v2", LocalDate.of(2025, 4, 30));

        List<ReleaseEvent> events = builder.build(List.of(a, b, other));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).family()).isEqualTo("qwen3");
        assertThat(events.get(0).evidence()).hasSize(2);
        assertThat(events.get(0).id()).isEqualTo(ReleaseEvent.idFor("qwen", "qwen3"));
    }

    @Test
    void build_hubTimestampAndNewsDate_takesHubInstant() {
        Instant hubAt = Instant.parse("2025-11-04T08:25:31Z");
        var news = Evidences.news("moonshot", "kimi-k2-thinking", LocalDate.of(2025, 11, 6));
        var hub = Evidences.hub("moonshot", "kimi-k2-thinking", hubAt);

        ReleaseEvent event = builder.build(List.of(news, hub)).get(0);

        assertThat(event.date()).contains(ReleaseDate.ofInstant(hubAt));
        assertThat(event.evidence()).hasSize(2);
    }

    @Test
    void build_labPostOverNews_takesLabDate() {
        var news = Evidences.news("zhipu", "glm-4.6", LocalDate.of(2025, 10, 1));
        var lab = Evidences.labPost("zhipu", "glm-4.6", LocalDate.of(2025, 9, 30));

        ReleaseEvent event = builder.build(List.of(news, lab)).get(0);

        assertThat(event.date().orElseThrow().date()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void build_preciseOverVague_takesDayEvenFromNews() {
        var vagueLab = Evidences.of("qwen", "qwen3", ReleaseDate.ofMonth(YearMonth.of(2025, 4)),
                ArticleKind.LAB_POST, 0.9, 11);
        var preciseNews = Evidences.news("qwen", "qwen3", LocalDate.of(2025, 4, 29));

        ReleaseEvent event = builder.build(List.of(vagueLab, preciseNews)).get(0);

        assertThat(event.date().orElseThrow().precision()).isEqualTo(Precision.DAY);
        assertThat(event.date().orElseThrow().date()).isEqualTo(LocalDate.of(2025, 4, 29));
    }

    @Test
    void build_contradictingDates_keepsBothAsEvidence() {
        var early = Evidences.news("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24));
        var late = Evidences.news("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 27));

        ReleaseEvent event = builder.build(List.of(late, early)).get(0);

        assertThat(event.evidence()).hasSize(2);
        assertThat(event.date().orElseThrow().date()).isEqualTo(LocalDate.of(2026, 4, 24));
    }

    @Test
    void build_independentStories_raiseConfidence() {
        var one = Evidences.of("deepseek", "deepseek-r1", ReleaseDate.ofDay(LocalDate.of(2025, 1, 20)),
                ArticleKind.NEWS, 0.6, 0b1111_0000L);
        var two = Evidences.of("deepseek", "deepseek-r1", ReleaseDate.ofDay(LocalDate.of(2025, 1, 20)),
                ArticleKind.NEWS, 0.6, 0xFFFF_0000_0000L);

        ReleaseEvent event = builder.build(List.of(one, two)).get(0);

        assertThat(event.sourceCount()).isEqualTo(2);
        assertThat(event.confidence()).isCloseTo(1 - 0.4 * 0.4, within(1e-9));
    }

    @Test
    void build_nearDuplicateCopies_countOnce() {
        long story = 0x0F0F_0F0F_0F0F_0F0FL;
        var original = Evidences.of("deepseek", "deepseek-r1", ReleaseDate.ofDay(LocalDate.of(2025, 1, 20)),
                ArticleKind.NEWS, 0.6, story);
        var syndicated = Evidences.of("deepseek", "deepseek-r1", ReleaseDate.ofDay(LocalDate.of(2025, 1, 20)),
                ArticleKind.NEWS, 0.6, story ^ 0b101); // two bits differ: the same story

        ReleaseEvent event = builder.build(List.of(original, syndicated)).get(0);

        assertThat(event.sourceCount()).isEqualTo(1);
        assertThat(event.confidence()).isCloseTo(0.6, within(1e-9));
    }
}
