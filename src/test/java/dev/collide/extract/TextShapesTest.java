package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes real text gives release facts in (issue #12), on sentences written for this test: lists and tables
 * that date their rows, appositions, third-party availability, plans dated after the story, a release told before
 * its model is named, chained and spaced dates.
 */
class TextShapesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void bracketedDatesInAList_dateEachModel() {
        assertThat(releases("2026-03-01", "Later generations: Llama 3.2 (edge models, September 2024) and"
                + " Llama 3.3 70B (December 2024)."))
                .containsExactly("llama-3.2 2024-09", "llama-3.3-70b 2024-12");
    }

    @Test
    void tableRows_dateTheirModels_andTheReplacementColumnIsNoRelease() {
        assertThat(releases("2025-12-12", "Model | Release date | Shutdown | Replacement | gemini-2.0-flash |"
                + " February 5, 2025 | Earliest February 2026 | gemini-2.5-flash |"))
                .containsExactly("gemini-2.0-flash 2025-02-05");
    }

    @Test
    void bracketWithAShutdownDate_isNoReleaseDate() {
        assertThat(releases("2025-12-12", "We still serve Gemini 2.0 Flash (shutdown February 2026)."))
                .isEmpty();
    }

    @Test
    void apposition_takesThePredicateAfterIt() {
        assertThat(releases("2023-11-14", "2023-11-02: The base models, Yi-6B and Yi-34B, are open-sourced."))
                .containsExactly("yi-6b 2023-11-02", "yi-34b 2023-11-02");
    }

    @Test
    void anotherCompanyMakingAModelAvailable_isNoRelease() {
        assertThat(releases("2025-01-30", "Microsoft has now introduced DeepSeek R1 to its cloud catalogue."))
                .isEmpty();
        assertThat(releases("2025-01-20", "DeepSeek has now introduced DeepSeek R1 to the public.")).hasSize(1);
    }

    @Test
    void releaseDatedAfterTheStory_isAPlan() {
        assertThat(releases("2025-02-13", "xAI launches Grok 3 on March 3, 2025, the company said.")).isEmpty();
    }

    @Test
    void releaseToldBeforeTheModelIsNamed_datesTheModelNamedLater() {
        assertThat(releases("2025-06-11", "On Tuesday, Mistral unveiled its first reasoning models."
                + " The Magistral Small 1.0 model is open-source."))
                .containsExactly("magistral-small-1.0 2025-06-10");
    }

    @Test
    void participleAfterTheName_overridesAComparisonBeforeIt() {
        assertThat(releases("2025-06-12", "It is on par with the first DeepSeek-R1 model released in January 2025."))
                .containsExactly("deepseek-r1 2025-01");
    }

    @Test
    void weeksLaterThanADay_isADay() {
        assertThat(releases("2026-05-18", "DeepSeek-V3.1-Terminus was released on September 22, 2025, and was"
                + " succeeded one week later by DeepSeek-V3.2-Exp."))
                .contains("deepseek-v3.2-exp 2025-09-29");
    }

    @Test
    void spacedChineseDate_isRead() {
        assertThat(releases("2025-12-12", "谷歌发布了 Gemini 2.5 Flash,发布日期 2025 年 6 月 17 日。"))
                .containsExactly("gemini-2.5-flash 2025-06-17");
    }

    @Test
    void traditionalChineseVerb_isARelease() {
        assertThat(releases("2025-07-15", "2025年7月11日,月之暗面開源了 Kimi K2。"))
                .containsExactly("kimi-k2 2025-07-11");
    }
}
