package dev.collide.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DetectionConfig;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveDetectorTest {
    private final EventBuilder builder = new EventBuilder();
    private final WaveDetector detector = new WaveDetector(DetectionConfig.defaults());

    @Test
    void detect_threeLabsInOneWeek_giveOneWave() {
        List<Wave> waves = detector.detect(builder.build(List.of(
                Evidences.labPost("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)),
                Evidences.labPost("qwen", "qwen3.6", LocalDate.of(2026, 4, 22)),
                Evidences.labPost("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)),
                Evidences.labPost("deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20)))));

        assertThat(waves).singleElement().satisfies(w -> {
            assertThat(w.labs()).containsExactly("deepseek", "moonshot", "qwen");
            assertThat(w.start()).isEqualTo(LocalDate.of(2026, 4, 20));
            assertThat(w.end()).isEqualTo(LocalDate.of(2026, 4, 24));
            assertThat(w.events()).hasSize(3);
        });
    }

    @Test
    void detect_twoLabsOnly_noWave() {
        assertThat(detector.detect(builder.build(List.of(
                Evidences.labPost("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)),
                Evidences.labPost("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)),
                Evidences.labPost("deepseek", "deepseek-v4-lite", LocalDate.of(2026, 4, 25)))))).isEmpty();
    }

    @Test
    void detect_threeLabsSpreadOverTwoWeeks_noWave() {
        assertThat(detector.detect(builder.build(List.of(
                Evidences.labPost("moonshot", "a", LocalDate.of(2026, 4, 1)),
                Evidences.labPost("qwen", "b", LocalDate.of(2026, 4, 7)),
                Evidences.labPost("deepseek", "c", LocalDate.of(2026, 4, 14)))))).isEmpty();
    }
}
