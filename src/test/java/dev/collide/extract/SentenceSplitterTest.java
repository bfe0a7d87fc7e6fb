package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static List<String> split(String text) {
        return new SentenceSplitter().split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void split_versionsAndAbbreviations_areNotBoundaries() {
        assertThat(split("Zhipu Inc. released GLM-4.5 on Jan. 5. It beats V3.2! Really? Yes"))
                .containsExactly("Zhipu Inc. released GLM-4.5 on Jan. 5.", "It beats V3.2!", "Really?", "Yes");
    }

    @Test
    void split_chineseAndLineBreaks_splitAtFullStopsAndNewlines() {
        assertThat(split("智谱发布了GLM-5。月之暗面开源了K2.6\nNext line"))
                .containsExactly("智谱发布了GLM-5。", "月之暗面开源了K2.6", "Next line");
    }

    @Test
    void split_longTextWithoutPunctuation_cutsAtMaxSentence() {
        List<String> parts = split("a".repeat(2_500));

        assertThat(parts).extracting(String::length).containsExactly(1_001, 1_001, 498);
    }
}
