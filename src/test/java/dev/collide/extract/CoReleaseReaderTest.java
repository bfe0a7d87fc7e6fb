package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoReleaseReaderTest {
    private static OptionalInt read(String s) {
        return new CoReleaseReader().read(s, 0, s.length(), Words.of(s, 0, s.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "R1 and k1.5 were released within hours of each other|0",
        "Both launched on the same day|0",
        "The labs simultaneously published papers|0",
        "They shipped back-to-back|1",
        "The two arrived two days apart|2",
        "In the same week, MiniMax released M2|7",
        "两家公司在同一天发布了新模型|0"})
    void read_coincidenceWording_givesMaxGap(String sentence, int gap) {
        assertThat(read(sentence)).hasValue(gap);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DeepSeek released V4 on Friday", "It took some time to train",
        "同时，公司还宣布了融资"})
    void read_noCoincidence_isEmpty(String sentence) {
        assertThat(read(sentence)).isEmpty();
    }
}
