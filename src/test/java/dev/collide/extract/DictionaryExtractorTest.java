package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DictionaryExtractorTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<Mention> mentions(String text) {
        return EXTRACTOR.extract(TestLabs.news("2026-04-29", text)).mentions();
    }

    private static String summary(Mention m) {
        return m.lab() + " " + m.modelId() + " " + m.family() + " " + (m.release() ? "release" : "mention") + " "
                + m.date();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DeepSeek-V3.2-Exp|deepseek deepseek-v3.2-exp deepseek-v3.2-exp",
        "Kimi K2-Thinking|moonshot kimi-k2-thinking kimi-k2-thinking",
        "DeepSeek-R1-0528|deepseek deepseek-r1-0528 deepseek-r1-0528",
        "Qwen3-Coder-480B-A35B-Instruct|qwen qwen3-coder-480b-a35b-instruct qwen3-coder",
        "Qwen3-235B-A22B-FP8|qwen qwen3-235b-a22b-fp8 qwen3",
        "Qwen3.6 27B|qwen qwen3.6-27b qwen3.6",
        "Qwen 3.6|qwen qwen3.6 qwen3.6",
        "GLM 5.1|zhipu glm-5.1 glm-5.1",
        "Gemma 3 27B|google gemma-3-27b gemma-3",
        "Llama 4 Maverick|meta llama-4-maverick llama-4",
        "MiniMax-M2|minimax minimax-m2 minimax-m2",
        "DeepSeek-Prover-V2|deepseek deepseek-prover-v2 deepseek-prover-v2",
        "Kimi Linear|moonshot kimi-linear kimi-linear",
        "gpt-oss-120b|openai gpt-oss-120b gpt-oss-120b",
        "FlashMLA|deepseek flashmla flashmla",
        "通义千问3|qwen qwen3 qwen3",
        "MiniMax-Hailuo-02|minimax hailuo-02 hailuo-02",
        "MiniMax Hailuo 02|minimax hailuo-02 hailuo-02"})
    void extract_modelName_isCanonical(String name, String expected) {
        List<Mention> found = mentions("Yesterday the lab released " + name + " to the public.");

        assertThat(found).extracting(m -> m.lab() + " " + m.modelId() + " " + m.family()).containsExactly(expected);
    }

    @Test
    void extract_issueExamples_classifyReleasesAndDates() {
        List<Mention> found = mentions("Zhipu open-sourced GLM-4.5 ahead of the Spring Festival. In the same week, "
                + "MiniMax released M2. GLM-4.6 runs on a single workstation. Mistral is expected to ship Mistral "
                + "Large 4 next quarter.");

        assertThat(found).extracting(DictionaryExtractorTest::summary).containsExactly(
                "zhipu glm-4.5 glm-4.5 release week of 2026-02-09",
                "minimax minimax-m2 minimax-m2 release week of 2026-02-09",
                "zhipu glm-4.6 glm-4.6 mention 2026-04-29",
                "mistral mistral-large-4 mistral-large-4 mention 2026-04-29");
    }

    @Test
    void extract_releaseAndComparisonInOneSentence_separatesThem() {
        List<Mention> found = mentions("DeepSeek released V4 on April 24, and it outperforms Claude Opus 4.5.");

        assertThat(found).extracting(DictionaryExtractorTest::summary).containsExactly(
                "deepseek deepseek-v4 deepseek-v4 release 2026-04-24",
                "anthropic claude-opus-4.5 claude-opus-4.5 mention 2026-04-29");
    }

    @Test
    void extract_releaseConfidence_strongVerbAboveWeakVerb() {
        List<Mention> found = mentions("Moonshot released Kimi K2.6. Zhipu announced GLM-5.2.");

        assertThat(found).extracting(Mention::confidence).containsExactly(0.9, 0.75);
    }

    @Test
    void extract_unbrandedVersionOnLabBlog_isAttributedToTheLab() {
        var article = TestLabs.labPost("2026-04-20", "moonshot", "Today we are releasing K2.6, our best model.");

        List<Mention> found = EXTRACTOR.extract(article).mentions();

        assertThat(found).extracting(DictionaryExtractorTest::summary)
                .containsExactly("moonshot kimi-k2.6 kimi-k2.6 release 2026-04-20");
    }

    @Test
    void extract_unbrandedVersionWithoutLab_isIgnored() {
        assertThat(mentions("The car's V4 engine and Apple's M2 chip were released on Friday.")).isEmpty();
    }

    @Test
    void extract_hubRecordWithoutDateInText_isDatedByItsInstant() {
        Instant at = Instant.parse("2026-04-24T09:30:00Z");
        var article = new Article("hf", "g", Optional.empty(), "deepseek-ai/DeepSeek-V4", "Model card: see below.",
                Optional.of(at), ArticleKind.HUB_RECORD, Optional.of("deepseek"), List.of());

        List<Mention> found = EXTRACTOR.extract(article).mentions();

        assertThat(found).extracting(DictionaryExtractorTest::summary, Mention::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "deepseek deepseek-v4 deepseek-v4 release 2026-04-24T09:30:00Z", 0.95));
    }

    @Test
    void extract_sameModelTwice_keepsTheRelease() {
        List<Mention> found = mentions("GLM 5.1 beats GPT-5.1. Zhipu released GLM 5.1 on April 22.");

        assertThat(found).filteredOn(m -> m.modelId().equals("glm-5.1")).extracting(DictionaryExtractorTest::summary)
                .containsExactly("zhipu glm-5.1 glm-5.1 release 2026-04-22");
    }

    @Test
    void extract_coincidenceStatement_recordsCoRelease() {
        Extraction e = EXTRACTOR.extract(TestLabs.news("2025-01-22", "DeepSeek-R1 and Kimi k1.5 were released within "
                + "hours of each other on January 20."));

        assertThat(e.coReleases()).containsExactly(new CoRelease("deepseek", "deepseek-r1", "moonshot", "kimi-k1.5",
                0, "DeepSeek-R1 and Kimi k1.5 were released within hours of each other on January 20."));
    }

    @Test
    void extract_sameWeekAfterEarlierRelease_pairsWithIt() {
        Extraction e = EXTRACTOR.extract(TestLabs.news("2026-02-12",
                "Zhipu open-sourced GLM-5 on Monday. In the same week, MiniMax released M2.5."));

        assertThat(e.coReleases()).extracting(c -> c.labA() + " " + c.familyA() + " " + c.labB() + " " + c.familyB()
                + " " + c.maxGapDays()).containsExactly("zhipu glm-5 minimax minimax-m2.5 7");
    }

    @Test
    void extract_noPublishedDate_datesOnlyAbsoluteMentions() {
        var article = new Article("s", "g", Optional.empty(), "", "Zhipu released GLM-5 yesterday. DeepSeek released "
                + "DeepSeek-V4 on 2026-04-24.", Optional.empty(), ArticleKind.NEWS, Optional.empty(), List.of());

        List<Mention> found = EXTRACTOR.extract(article).mentions();

        assertThat(found).extracting(DictionaryExtractorTest::summary)
                .containsExactly("deepseek deepseek-v4 deepseek-v4 release 2026-04-24");
    }

    @Test
    void extract_chineseRelease_readsDateAndVerb() {
        List<Mention> found = mentions("深度求索于2026年4月24日正式发布了DeepSeek-V4，性能超越GPT-5。");

        assertThat(found).extracting(DictionaryExtractorTest::summary).containsExactly(
                "deepseek deepseek-v4 deepseek-v4 release 2026-04-24",
                "openai gpt-5 gpt-5 mention 2026-04-29");
    }

    @Test
    void extract_releaseWithoutDateInNews_isDatedByArticleDay() {
        // Real news (issue #12): "has released" with no date is the story's day, as a careful reader dates it.
        Mention m = mentions("Alibaba has released Qwen3.6 35B A3B.").get(0);

        assertThat(m.date()).isEqualTo(ReleaseDate.ofDay(LocalDate.of(2026, 4, 29)));
    }

    @Test
    void extract_sizesListedAfterName_areSiblingModelsOfOneFamily() {
        List<Mention> found = mentions("Meta released Llama 3.2 1B and 3B on September 25, 2024.");

        assertThat(found).extracting(DictionaryExtractorTest::summary).containsExactly(
                "meta llama-3.2-1b llama-3.2 release 2024-09-25", "meta llama-3.2-3b llama-3.2 release 2024-09-25");
    }

    @Test
    void extract_productWordBeforeVersion_isPartOfTheName() {
        List<Mention> found = mentions("Google introduced Gemini Robotics 2 on April 2.");

        assertThat(found).extracting(DictionaryExtractorTest::summary)
                .containsExactly("google gemini-robotics-2 gemini-robotics-2 release 2026-04-02");
    }

    @Test
    void extract_commonWordBrandWithLabNamed_isModel() {
        assertThat(mentions("OpenAI released Sora 2 and the Codex CLI on Monday.")).extracting(Mention::modelId)
                .containsExactly("sora-2", "codex-cli");
    }

    @Test
    void extract_commonWordBrandWithoutHyphen_isNoModel() {
        assertThat(mentions("Step 2 of the guide was published on Monday. StepFun released Step-3 today."))
                .extracting(Mention::modelId).containsExactly("step-3");
    }

    @Test
    void extract_manyThreadsOneInstance_giveTheSameResults() throws Exception {
        List<Article> articles = List.of(
                TestLabs.news("2026-04-29", "DeepSeek released V4 on April 24. The same day, Moonshot released K2.6."),
                TestLabs.news("2026-04-29", "智谱于2026年4月24日发布了GLM 5.1。GLM-4.6 runs on a workstation."),
                TestLabs.labPost("2026-04-29", "minimax", "We are excited to release M2.7 today."));
        List<Extraction> expected = articles.stream().map(EXTRACTOR::extract).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        for (int i = 0; i < articles.size(); i++) {
                            if (!EXTRACTOR.extract(articles.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (var f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
