package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of misses on real text (issue #12, read on the dev split of shared/corpus/realtext), each on sentences
 * written for this test: never quotations of the corpus.
 */
class RealTextClassesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    private static List<String> mentions(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream()
                .map(m -> m.modelId() + " " + m.release()).toList();
    }

    // Names

    @Test
    void spacedHyphens_readAsOneName() {
        assertThat(releases("2031-05-10", "Xiaomi has open-sourced MiMo - V9 - Flash, its fastest model."))
                .containsExactly("mimo-v9-flash 2031-05-10");
    }

    @Test
    void spacedHyphen_beforeACapitalisedWord_endsTheName() {
        assertThat(mentions("2031-05-10", "Anthropic launched Claude 9 - Anthropic says it is safer."))
                .contains("claude-9 true");
    }

    @Test
    void nameWithSizeLetter_beforeAFullStop_endsTheSentence() {
        assertThat(new SentenceSplitter().split("We ship gpt-oss-90b. It is fast.")).hasSize(2);
        assertThat(new SentenceSplitter().split("J. Doe wrote it.")).hasSize(1);
    }

    @Test
    void namesGluedByALostSeparator_areTwoNames() {
        assertThat(releases("2031-07-29", "Zhipu released two models: GLM-9.5GLM-9.5-Air."))
                .containsExactly("glm-9.5 2031-07-29", "glm-9.5-air 2031-07-29");
    }

    @Test
    void capitalisedWordGluedToTheBrand_isPartOfTheName() {
        assertThat(releases("2031-11-13", "2031.11.13: JanusFlow is released, a unified model."))
                .containsExactly("janus-flow 2031-11-13");
    }

    @Test
    void brandAlone_isAModelOnlyAsTheObjectOfARelease() {
        assertThat(releases("2031-09-20", "In September, we released OLMoE, a mixture-of-experts model."))
                .containsExactly("olmoe 2031-09");
        assertThat(releases("2031-09-20", "Apple has released an open language model called OpenELM."))
                .containsExactly("openelm 2031-09-20");
        assertThat(mentions("2031-09-20", "OLMoE scores well on reasoning.")).isEmpty();
    }

    @Test
    void unlistedModelShape_inALabsOwnPost_isThatLabsRelease() {
        var post = TestLabs.labPost("2031-01-28", "qwen", "2031.01.28: We have released the QvX-90B-Preview.");

        var got = EXTRACTOR.extract(post).mentions().stream().filter(Mention::release)
                .map(m -> m.lab() + " " + m.modelId() + " " + m.date()).toList();

        assertThat(got).containsExactly("qwen qvx-90b-preview 2031-01-28");
        assertThat(releases("2031-01-28", "We have released the QvX-90B-Preview.")).isEmpty();
    }

    @Test
    void modelCardField_datesThePagesModel_andOtherFieldsDoNot() {
        assertThat(releases("2032-01-01", "Nova Lite is Amazon's low-cost model. Model launch date: Dec 05, 2031"
                + " Model EOL date: No sooner than 12/4/2032")).containsExactly("nova-lite 2031-12-05");
    }

    // Release vs. mention

    @Test
    void listAfterABracket_sharesTheVerb() {
        assertThat(releases("2031-08-20", "We release Seed-OSS-90B-Base (two versions) and Seed-OSS-90B-Instruct."))
                .containsExactly("seed-oss-90b-base 2031-08-20", "seed-oss-90b-instruct 2031-08-20");
    }

    @Test
    void apiIdWithADateCode_isAnAliasOfTheProseName() {
        assertThat(releases("2032-01-15", "claude-opus-9-5-20310929 is the API id for Claude Opus 9.5, released on"
                + " September 29, 2031.")).containsExactly("claude-opus-9.5 2031-09-29");
    }

    @Test
    void objectRelativeClause_releasesTheNameBeforeIt() {
        assertThat(releases("2031-06-30", "The final build of DeepSeek V9 is due in July, building on the V9"
                + " preview the company shipped in late April.")).containsExactly("deepseek-v9 2031-04");
    }

    @Test
    void launchInTheNextWeeks_isAPlan() {
        assertThat(releases("2031-02-13", "Musk announces Grok 9 launch in the next two weeks")).isEmpty();
    }

    @Test
    void presentTenseVerbAndBareWeekday_pointsAhead() {
        // 2031-02-15 is a Saturday: "drops Monday" is the 17th, after the story, so a plan
        assertThat(releases("2031-02-15", "Grok 9 drops Monday")).isEmpty();
        assertThat(releases("2031-02-15", "Grok 9 dropped Monday")).containsExactly("grok-9 2031-02-10");
    }

    @Test
    void comparisonFrameOverAList_coversEveryMember() {
        assertThat(releases("2031-02-01", "Rival models DeepSeek-R9, Gemini 9.0 Flash, and QwQ-90B-Preview make"
                + " their reasoning visible to users.")).isEmpty();
    }

    @Test
    void openSourceAfterADeterminer_isAnAdjective() {
        assertThat(releases("2031-02-01", "The firm pitches MiniMax-M9 as the world's first open-source agent"
                + " model of its size.")).isEmpty();
        assertThat(releases("2031-02-01", "MiniMax has open-sourced MiniMax-M9.")).hasSize(1);
    }

    // Dates from neighbouring sentences

    @Test
    void followingSentenceAboutTheseModels_datesTheRelease() {
        assertThat(releases("2031-08-06", "OpenAI is releasing two open models: gpt-oss-90b and gpt-oss-9b."
                + " Announced on August 5, these models can be downloaded and are available to everyone."))
                .containsExactly("gpt-oss-90b 2031-08-05", "gpt-oss-9b 2031-08-05");
    }

    @Test
    void followingSentenceWithoutAnAnaphor_datesNothing() {
        assertThat(releases("2031-08-06", "OpenAI is releasing gpt-oss-90b. On August 5 the firm announced"
                + " a new office.")).containsExactly("gpt-oss-90b 2031-08-06");
    }

    @Test
    void participleOpener_datesThePreviousSentencesSubject() {
        assertThat(releases("2032-01-01", "DeepSeek V9-0324 is a large model developed by DeepSeek. Released in"
                + " March 2031 under the MIT licence, it improves on coding.")).containsExactly("deepseek-v9-0324 2031-03");
    }
}
