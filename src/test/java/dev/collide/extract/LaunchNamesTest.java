package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model names as launches write them, found by probing the extractor with sentences written for this test (issue
 * #12: text it has never seen).
 */
class LaunchNamesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.family()).toList();
    }

    @Test
    void aTwoWordLaunchVariant_isPartOfTheNameAndItsFamily() {
        assertThat(releases("2031-08-02", "Google on Friday made Gemini 9.5 Deep Think available to subscribers."))
                .containsExactly("gemini-9.5-deep-think gemini-9.5-deep-think");
        assertThat(releases("2031-08-02", "Google launched Gemini 9 Deep-Research in the app."))
                .containsExactly("gemini-9-deep-research gemini-9-deep-research");
    }

    @Test
    void aCompoundAfterTheFirstWord_isNoVariant() {
        assertThat(releases("2031-08-02", "Google released Gemini 9 deep think-tank reports.")).containsExactly(
                "gemini-9 gemini-9");
    }
}
