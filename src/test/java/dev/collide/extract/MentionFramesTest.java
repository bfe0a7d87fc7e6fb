package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames that name a model without reporting its release, or report it in words the release verbs miss, found by
 * probing the extractor with sentences written for this test (issue #12: text it has never seen).
 */
class MentionFramesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void aReleaseVerbsInfinitiveAfterAWordOfIntent_isAPlan() {
        assertThat(releases("2031-05-01", "Gemini 9 is set to launch before the end of the year.")).isEmpty();
        assertThat(releases("2031-05-01", "Meta is racing to ship Llama 9 ahead of its developer conference."))
                .isEmpty();
        assertThat(releases("2031-05-01", "OpenAI is going to release GPT-9 this summer, the company said."))
                .isEmpty();
        assertThat(releases("2031-05-01", "Qwen9 is due to be released in the autumn.")).isEmpty();
    }

    @Test
    void anInfinitiveWithoutIntent_staysARelease() {
        assertThat(releases("2031-05-01", "Mistral became the first lab to release a model under the new licence,"
                + " shipping Mistral Small 9 on Tuesday."))
                .containsExactly("mistral-small-9 2031-04-29");
    }

    @Test
    void aModelMadeAvailableOnAnotherCompanysPlatform_isNoRelease() {
        assertThat(releases("2031-05-01", "DeepSeek R9 is now available on Amazon Bedrock and Azure.")).isEmpty();
        assertThat(releases("2031-05-01", "Kimi K9 is now live on OpenRouter and Together AI.")).isEmpty();
        assertThat(releases("2031-05-01", "微软宣布，Azure 已上线 DeepSeek-V9.1。")).isEmpty();
    }

    @Test
    void aLabReleasingOnItsOwnOrAnyPlatform_staysARelease() {
        assertThat(releases("2031-05-01", "Amazon launched Nova 9 Pro on Bedrock."))
                .containsExactly("nova-9-pro 2031-05-01");
        assertThat(releases("2031-05-01", "Meta released Llama 9 on Amazon Bedrock and Hugging Face."))
                .containsExactly("llama-9 2031-05-01");
        assertThat(releases("2031-05-01", "Qwen9 is available to download together with its tokenizer."))
                .containsExactly("qwen9 2031-05-01");
    }

    @Test
    void theNameAfterUpgradedTo_isTheNewModel() {
        assertThat(releases("2031-05-29", "DeepSeek R9 has been upgraded to DeepSeek-R9-0528."))
                .containsExactly("deepseek-r9-0528 2031-05-29");
    }

    @Test
    void anUpdateTheModelReceived_isAReleaseOfThatDate() {
        assertThat(releases("2031-11-01", "Claude 9.5 Sonnet received a substantial update in October 2031."))
                .containsExactly("claude-9.5-sonnet 2031-10");
        assertThat(releases("2031-07-01", "Gemini 9 Pro was updated in June with better coding."))
                .containsExactly("gemini-9-pro 2031-06");
        assertThat(releases("2031-07-01", "The app was updated to use Llama 9.3 for chat.")).isEmpty();
    }

    @Test
    void aLaunchPresentingItsModel_isARelease() {
        assertThat(releases("2031-03-25", "Today we have DeepSeek-V9-0324, the newest version of our V9 model."))
                .containsExactly("deepseek-v9-0324 2031-03-25");
        assertThat(releases("2031-07-01", "Here's the new Mistral Medium 9.")).containsExactly(
                "mistral-medium-9 2031-07-01");
        assertThat(releases("2031-07-01", "We have GPT-9o in our product since last year.")).isEmpty();
    }
}
