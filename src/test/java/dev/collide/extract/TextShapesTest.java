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
        assertThat(releases("2031-09-01", "Newer lines: Llama 9.2 (small sizes, March 2031) and"
                + " Llama 9.3 70B (June 2031)."))
                .containsExactly("llama-9.2 2031-03", "llama-9.3-70b 2031-06");
    }

    @Test
    void tableRows_dateTheirModels_andTheReplacementColumnIsNoRelease() {
        assertThat(releases("2031-12-12", "Model | Release date | Shutdown | Replacement | gemini-9.0-flash |"
                + " June 5, 2031 | Not before June 2032 | gemini-9.5-flash |"))
                .containsExactly("gemini-9.0-flash 2031-06-05");
    }

    @Test
    void bracketWithAShutdownDate_isNoReleaseDate() {
        assertThat(releases("2031-12-12", "We still serve Gemini 9.0 Flash (shutdown June 2032)."))
                .isEmpty();
    }

    @Test
    void apposition_takesThePredicateAfterIt() {
        assertThat(releases("2031-03-14", "2031-03-02: Two models, Yi-9B and Yi-90B, are open-sourced."))
                .containsExactly("yi-9b 2031-03-02", "yi-90b 2031-03-02");
    }

    @Test
    void anotherCompanyMakingAModelAvailable_isNoRelease() {
        assertThat(releases("2031-01-30", "Microsoft has introduced DeepSeek R9 in its cloud catalogue."))
                .isEmpty();
        assertThat(releases("2031-01-20", "DeepSeek has introduced DeepSeek R9 to everyone.")).hasSize(1);
    }

    @Test
    void releaseDatedAfterTheStory_isAPlan() {
        assertThat(releases("2031-02-13", "xAI launches Grok 9 on March 3, 2031, the company said.")).isEmpty();
    }

    @Test
    void releaseToldBeforeTheModelIsNamed_datesTheModelNamedLater() {
        assertThat(releases("2031-06-11", "On Tuesday, Mistral shipped two new models."
                + " The Magistral Small 9.0 model is open-source."))
                .containsExactly("magistral-small-9.0 2031-06-10");
    }

    @Test
    void participleAfterTheName_overridesAComparisonBeforeIt() {
        assertThat(releases("2031-06-12", "It is close to the first DeepSeek-R9 model released in January 2031."))
                .containsExactly("deepseek-r9 2031-01");
    }

    @Test
    void weeksLaterThanADay_isADay() {
        assertThat(releases("2031-05-18", "DeepSeek-V9.1-Final shipped on March 3, 2031, and was"
                + " followed one week later by DeepSeek-V9.2-Exp."))
                .contains("deepseek-v9.2-exp 2031-03-10");
    }

    @Test
    void spacedChineseDate_isRead() {
        assertThat(releases("2031-12-12", "谷歌发布了 Gemini 9.5 Flash,日期 2031 年 3 月 9 日。"))
                .containsExactly("gemini-9.5-flash 2031-03-09");
    }

    @Test
    void traditionalChineseVerb_isARelease() {
        assertThat(releases("2031-07-15", "2031年7月9日,月之暗面開源了 Kimi K9。"))
                .containsExactly("kimi-k9 2031-07-09");
    }
}
