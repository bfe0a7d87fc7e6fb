package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of miss found on the dev part of the real-text corpus (issue #12), each on sentences written for this
 * test: one-letter lines and dated checkpoints as names, dates of other events, family membership, a family's
 * undated mention, phrasal releases.
 */
class NameAndDateClassesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void oneLetterLinesAndDatedCheckpoints_areNames() {
        assertThat(releases("2031-01-01", "Cohere released Command R 08-2030 and Command R+ 08-2030 in August 2030."))
                .containsExactly("command-r-08-2030 2030-08", "command-r-plus-08-2030 2030-08");
        assertThat(releases("2031-01-01", "Cohere shipped command-r-plus-08-2030 in August 2030."))
                .containsExactly("command-r-plus-08-2030 2030-08");
        assertThat(releases("2031-01-01", "Mistral released Codestral 2907 at the end of July 2030."))
                .containsExactly("codestral-2907 2030-07");
    }

    @Test
    void aYearAfterABrand_isNoCheckpoint() {
        assertThat(releases("2031-01-01", "Mistral released Codestral 2030 plans in July 2030.")).isEmpty();
    }

    @Test
    void theCheckpointAndTheOriginal_areDifferentModels() {
        List<String> found = releases("2031-01-01", "Cohere launched Command R+ in April 2030.");
        assertThat(found).containsExactly("command-r-plus 2030-04");
    }

    @Test
    void aDateOfAnotherEvent_isNotTheReleaseDate() {
        assertThat(releases("2031-06-01", "Seedream 9.0, whose technical report was posted to arXiv on March 10,"
                + " 2031, had been released in December 2030."))
                .containsExactly("seedream-9.0 2030-12");
        assertThat(releases("2031-06-01", "When DeepSeek-R9 followed three weeks later on January 20, 2031, the"
                + " chip maker lost a fifth of its market value on January 27, 2031."))
                .containsExactly("deepseek-r9 2031-01-20");
    }

    @Test
    void aNameWhoseOnlyDateIsAKnowledgeCutOff_isNoReleaseOfThatDate() {
        assertThat(releases("2031-06-01", "Gemini 9.0 Flash is available, with a knowledge cutoff of January 2031."))
                .isEmpty();
    }

    @Test
    void theFamilyAModelBelongsTo_isNoRelease() {
        assertThat(releases("2031-06-01", "Claude Sonnet 9.5 was released on May 3, 2031, the third release in"
                + " the Claude 9 family."))
                .containsExactly("claude-sonnet-9.5 2031-05-03");
    }

    @Test
    void aFamilyMentionOnlyTheArticleDates_takesItsDatedSiblingsDate() {
        assertThat(releases("2031-03-06", "The Qwen 9.5 rollout impressed. Qwen9.5-397B-A17B was announced on"
                + " 2031-02-17."))
                .containsExactly("qwen9.5 2031-02-17", "qwen9.5-397b-a17b 2031-02-17");
    }

    @Test
    void phrasalReleases() {
        assertThat(releases("2031-07-02", "Baidu has decided to share ERNIE 9.5 with the world by making it open"
                + " source."))
                .containsExactly("ernie-9.5 2031-07-02");
        assertThat(releases("2031-07-02", "Baidu has decided to share its powerful AI model, ERNIE 9.5, with the"
                + " world by making it open source."))
                .containsExactly("ernie-9.5 2031-07-02");
        assertThat(releases("2031-07-02", "Kimi K9 came two days after it, on June 30, 2031."))
                .containsExactly("kimi-k9 2031-06-30");
    }

    private static List<String> releases(String date, String title, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, title, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void aLowerCaseNameAfterAYear_startsASentence() {
        // one sentence, "in December 2030. o9 will ...", would give o8 the plan of o9 and o9 the date of o8
        assertThat(releases("2031-04-05", "OpenAI's pace is quick: o8 was released in December 2030. o9 will be"
                + " released within two weeks."))
                .containsExactly("o8 2030-12");
    }

    @Test
    void theLabsOfTheTitle_lendTheirUnbrandedNamesToTheWholeArticle() {
        assertThat(releases("2031-04-05", "GPT-9 and o9 are coming soon", "Release cycles are shorter now. o8 was"
                + " released in December 2030."))
                .containsExactly("o8 2030-12");
    }

    @Test
    void aPlanInAnotherClause_doesNotUndoTheRelease() {
        // the unnamed release of the first sentence dates the model the second one presents
        assertThat(releases("2031-04-07", "Meta unleashes Llama 9", "Meta has a new bag of tricks, and they dropped"
                + " it on a Saturday, because why not shake things up? Say hello to Llama 9."))
                .containsExactly("llama-9 2031-04-05");
        assertThat(releases("2031-04-07", "Meta unleashes Llama 9", "Meta said it would not drop it on a Saturday."
                + " Say hello to Llama 9."))
                .containsExactly("llama-9 2031-04-07");
    }

    @Test
    void aYearMonthCell_datesTheModelOfItsRow() {
        assertThat(releases("2031-04-01", "Model Release Type Doubao-9.5-Pro 2030-01 General-purpose LLM"
                + " Doubao-9.5-Pro-256k 2030-02 Long-context variant"))
                .containsExactly("doubao-9.5-pro 2030-01", "doubao-9.5-pro-256k 2030-02");
        // two years, not a month
        assertThat(releases("2031-04-01", "Doubao-9.5-Pro 2030-31 General-purpose LLM")).isEmpty();
    }

    @Test
    void cellsJoinedByAScrape_areStillANameAndADate() {
        assertThat(releases("2031-04-01", "API IDReleasedNotes command-r-plus2030-04Original Command R+"
                + " command-r-plus-08-20302030-08Refresh with higher throughput command-a-03-20312031-03Successor"))
                .containsExactly("command-r-plus 2030-04", "command-r-plus-08-2030 2030-08",
                        "command-a-03-2031 2031-03");
    }

    @Test
    void aRowDateThatContradictsTheNamesOwnDateCode_isNoReleaseDate() {
        // a leaderboard's milestones: gpt-9-0314 came out in a March, not in December
        assertThat(releases("2031-04-01", "Elo milestones, first time over each threshold. 1100 gpt-9-0314"
                + " 2030-12 · openai 1200 gpt-9-0125-preview 2031-02 · openai"))
                .isEmpty();
        assertThat(releases("2031-04-01", "Checkpoints gpt-9-0314 2030-03 · openai")).containsExactly(
                "gpt-9-0314 2030-03");
    }

    @Test
    void aProductLineWithoutItsBrand_isANameWhenTheLabIsNamedAndAVersionFollows() {
        assertThat(releases("2031-04-01", "Anthropic shipped Sonnet 9.5 (September 29, 2030), Opus 9.5"
                + " (November 24, 2030)."))
                .containsExactly("claude-sonnet-9.5 2030-09-29", "claude-opus-9.5 2030-11-24");
        assertThat(releases("2031-04-01", "Mistral AI quietly introduced Small 9 in January 2031."))
                .containsExactly("mistral-small-9 2031-01");
        // no lab in the sentence, or no version after the word: no name
        assertThat(releases("2031-04-01", "The team quietly introduced Small 9 in January 2031.")).isEmpty();
        assertThat(releases("2031-04-01", "Mistral AI quietly introduced Small models in January 2031.")).isEmpty();
    }

    @Test
    void aSubordinateClauseWithoutACue_isBackground() {
        assertThat(releases("2031-06-01", "In January, while everyone was focused on DeepSeek and its R9 model,"
                + " Mistral AI quietly introduced Small 9."))
                .containsExactly("mistral-small-9 2031-01");
    }

    @Test
    void anEmptyCellOfAFlattenedTable_endsTheRow() {
        // without the row break, "Medium 9" would share the next row's date
        assertThat(releases("2031-10-01", "Read more about Medium 9 in our blog post | 128k | 31.08 | |"
                + " Magistral Medium 9.2 | Our reasoning model update released September 2031 with vision support."))
                .containsExactly("magistral-medium-9.2 2031-09");
    }

    @Test
    void aComparisonAfterTheReleaseWord_doesNotUndoIt() {
        assertThat(releases("2031-10-01", "Magistral Medium 9.2 | Our reasoning model released September 2031 with"
                + " vision support."))
                .containsExactly("magistral-medium-9.2 2031-09");
    }

    @Test
    void aChatProductsPlan_isNoModel() {
        assertThat(releases("2031-02-12", "On February 12, OpenAI raised limits for ChatGPT Plus subscribers and"
                + " launched file uploads."))
                .isEmpty();
    }

    @Test
    void aModelReleasedUnnamed_isTheOneALaterSentenceNames() {
        assertThat(releases("2031-01-31", "On Thursday, Ai2 released a model that it claims outperforms DeepSeek V9."
                + " Ai2's model, called Tulu 9 405B, also beats GPT-9 on some benchmarks."))
                .containsExactly("tulu-9-405b 2031-01-30");
        // a plan is no release, and an unnamed release names nothing by itself
        assertThat(releases("2031-01-31", "On Thursday, Ai2 said it plans to release a model that outperforms"
                + " DeepSeek V9. Ai2's model, called Tulu 9 405B, also beats GPT-9 on some benchmarks."))
                .isEmpty();
        assertThat(releases("2031-01-31", "On Thursday, Ai2 released a model that it claims outperforms DeepSeek"
                + " V9. Tulu 9 405B beats GPT-9 on some benchmarks."))
                .isEmpty();
    }

    @Test
    void variantsNamedByTheirLastWordOnly_areNamesOfTheLaunch() {
        assertThat(releases("2031-04-07", "Meta released Llama 9 on Saturday. Say hello to the Llama 9 squad: Scout,"
                + " Maverick, and the beastly Behemoth."))
                .containsExactly("llama-9 2031-04-05", "llama-9-scout 2031-04-05", "llama-9-maverick 2031-04-05",
                        "llama-9-behemoth 2031-04-05");
        assertThat(releases("2031-06-11", "On Tuesday, Mistral released Magistral Small 9. The Magistral Small 9"
                + " model is open-source, while the Medium variant is tailored for enterprise use."))
                .contains("magistral-small-9 2031-06-10");
        assertThat(releases("2031-06-11", "The Magistral Small model is open-source as of June 10, 2031, while the"
                + " Medium variant is tailored for enterprise use."))
                .containsExactly("magistral-small 2031-06-10", "magistral-medium 2031-06-10");
        // a planned sibling stays a plan; one capitalised word after a colon is no list
        assertThat(releases("2031-06-11", "The Magistral Small model is open-source as of June 10, 2031, while the"
                + " Medium variant is expected next month."))
                .containsExactly("magistral-small 2031-06-10");
        assertThat(releases("2031-04-07", "Meta released the Llama 9 models on April 5, 2031: Scout is small."))
                .containsExactly("llama-9 2031-04-05");
    }

    @Test
    void aBlogPost_isANounNotAVerb() {
        assertThat(releases("2031-10-01", "Read more about Medium 9 in our blog post, Mistral AI says.")).isEmpty();
        assertThat(releases("2031-10-01", "Mistral AI posted Medium 9 on October 1, 2031."))
                .containsExactly("mistral-medium-9 2031-10-01");
    }

    @Test
    void aRepostsToday_isTheDayItsAddressCarries() {
        var repost = new dev.collide.source.Article("test", "t1",
                java.util.Optional.of(java.net.URI.create("https://news.example/2030-03-17-grok-9-open-weights/")),
                "", "xAI released Grok-9 today.", java.util.Optional.of(TestLabs.midnight("2031-06-01")),
                dev.collide.source.ArticleKind.NEWS, java.util.Optional.empty(), List.of());
        assertThat(EXTRACTOR.extract(repost).mentions()).extracting(m -> m.modelId() + " " + m.date())
                .containsExactly("grok-9 2030-03-17");
        // an address dated after the feed's day (or none) leaves the feed's day
        var later = new dev.collide.source.Article("test", "t2",
                java.util.Optional.of(java.net.URI.create("https://news.example/2031/07/01/grok/")),
                "", "xAI released Grok-9 today.", java.util.Optional.of(TestLabs.midnight("2031-06-01")),
                dev.collide.source.ArticleKind.NEWS, java.util.Optional.empty(), List.of());
        assertThat(EXTRACTOR.extract(later).mentions()).extracting(m -> m.modelId() + " " + m.date())
                .containsExactly("grok-9 2031-06-01");
    }

    @Test
    void theModelANewOneSucceeds_isNoRelease() {
        assertThat(releases("2031-08-05", "Anthropic today announced Claude Opus 9.1, an upgrade to Claude Opus 9."))
                .containsExactly("claude-opus-9.1 2031-08-05");
        assertThat(releases("2031-08-05", "Zhipu released GLM-9.6, the successor to GLM-9.5, today."))
                .containsExactly("glm-9.6 2031-08-05");
    }

    @Test
    void asWellAs_joinsAList() {
        assertThat(releases("2031-03-10", "DeepSeek released V9 on March 3, 2031, as well as R9."))
                .contains("deepseek-v9 2031-03-03").anyMatch(r -> r.startsWith("deepseek-r9 "));
        // the frame of the clause before is kept: a comparison stays a comparison
        assertThat(releases("2031-03-10", "DeepSeek V9 beats GPT-9, as well as Claude 9, on coding.")).isEmpty();
    }

    @Test
    void fastMultimodalAndReasoningVariants_areLaunchesOfTheirOwn() {
        assertThat(releases("2031-05-20", "Microsoft released Phi-9-reasoning on May 1, 2031."))
                .containsExactly("phi-9-reasoning 2031-05-01");
        assertThat(EXTRACTOR.extract(TestLabs.news("2031-05-20", "xAI has rolled out Grok 9 Fast to all users."))
                .mentions()).extracting(Mention::modelId, Mention::family)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grok-9-fast", "grok-9-fast"));
    }

    @Test
    void theEveAndTheFirstDayOfAHoliday_areDays() {
        assertThat(releases("2030-02-10", "Qwen9-Max was announced on the eve of the Lunar New Year."))
                .containsExactly("qwen9-max 2030-02-02");
        assertThat(releases("2030-02-10", "On the first day of the Lunar New Year, Alibaba released Qwen9-VL."))
                .containsExactly("qwen9-vl 2030-02-03");
    }

    @Test
    void aLaunchPresentsItsModel() {
        assertThat(releases("2031-11-20", "Meet the new Kimi K9, Moonshot's open model.")).containsExactly(
                "kimi-k9 2031-11-20");
        assertThat(releases("2031-11-20", "Say hello to GPT-9.")).containsExactly("gpt-9 2031-11-20");
        assertThat(releases("2031-11-20", "Meta's Llama 9 is finally here.")).containsExactly("llama-9 2031-11-20");
        // a plan is still a plan, and "meet" later in the sentence is another verb
        assertThat(releases("2031-11-20", "Meet GPT-9 next month, OpenAI expects.")).isEmpty();
        assertThat(releases("2031-11-20", "Developers who meet the bar can try GPT-9 on request.")).isEmpty();
    }

    @Test
    void aReleaseDatedByAPastYearOnly_isNotTheStorysDay() {
        assertThat(releases("2031-11-20", "Last year's release of Llama 9 changed the market.")).isEmpty();
        assertThat(releases("2031-11-20", "Meta released Llama 9 in 2029 to wide acclaim.")).isEmpty();
        // a full date with its year is a date; this year's release keeps the story's day
        assertThat(releases("2031-11-20", "Meta released Llama 9 on March 3, 2029.")).containsExactly(
                "llama-9 2029-03-03");
        assertThat(releases("2031-11-20", "Meta released Llama 9 in 2031.")).containsExactly("llama-9 2031-11-20");
    }

    @Test
    void aDenial_isNoRelease() {
        assertThat(releases("2031-11-20", "Mistral denied reports that Mistral Large 9 had been released.")).isEmpty();
    }

    @Test
    void theOtherSideOfACoincidence_isAReleaseToo() {
        Extraction x = EXTRACTOR.extract(TestLabs.news("2031-11-20", "Zhipu released GLM-9.6 on Monday. Kimi K9"
                + " Thinking arrived the same week as MiniMax-M9."));
        assertThat(x.mentions()).filteredOn(Mention::release).extracting(Mention::modelId)
                .contains("kimi-k9-thinking", "minimax-m9");
        assertThat(x.coReleases()).extracting(c -> c.familyA() + " x " + c.familyB())
                .containsExactly("kimi-k9-thinking x minimax-m9");
        assertThat(EXTRACTOR.extract(TestLabs.news("2031-11-20", "Just hours after OpenAI released GPT-9.1, Google"
                + " shipped Gemini 9 Pro.")).coReleases()).hasSize(1);
    }

    @Test
    void aListOfFeatures_isNoListOfVariants() {
        assertThat(releases("2031-05-20", "Alibaba released the Qwen9 models today. The Qwen9 models: Reasoning,"
                + " Coding, and Agents."))
                .containsExactly("qwen9 2031-05-20");
    }

    @Test
    void aParticipleClauseSpeaksOfTheNameRightBeforeIt() {
        // R9 is compared, o9 was released last year: neither is a release of the story's day
        assertThat(releases("2031-06-18", "DeepSeek-R9 rivals OpenAI's o9, released last year.")).isEmpty();
        assertThat(releases("2031-06-18", "DeepSeek-R9 rivals OpenAI's o9, released in May 2031."))
                .containsExactly("o9 2031-05");
    }
}
