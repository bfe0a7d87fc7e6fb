package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which name of a sentence a date belongs to, found by probing the extractor with sentences written for this test
 * (issue #12: text it has never seen).
 */
class DateOwnershipTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void aRelativeClausesDate_belongsToTheNameBeforeIt() {
        assertThat(releases("2031-09-30", "GLM-9.6 arrives two months after GLM-9.5, which came out in July."))
                .containsExactly("glm-9.6 2031-09-30", "glm-9.5 2031-07");
        assertThat(releases("2031-08-20", "DeepSeek V9.1, launched on Tuesday, succeeds V9-0324, which came out in"
                + " March."))
                .containsExactly("deepseek-v9.1 2031-08-19", "deepseek-v9-0324 2031-03");
    }

    @Test
    void aDateRightAfterTheNameBefore_isThatNamesInAList() {
        assertThat(releases("2031-12-20", "Looking back: Qwen9 arrived in April and GPT-9 landed in August."))
                .containsExactly("qwen9 2031-04", "gpt-9 2031-08");
    }
}
