package dev.collide.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13: one test per dating and merging rule; each fails under the rule it names being broken. */
class DatingRulesTest {
    private final EventBuilder builder = new EventBuilder();

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    /** The extractor's confidence is about release-vs-mention, not the date: it must not decide the date. */
    private static Evidence surer(Evidence e) {
        return new Evidence(e.mentionId(), e.articleId(), e.sourceId(), e.link(), e.title(), e.kind(), e.lab(),
                e.modelId(), e.model(), e.family(), e.date(), 0.95, e.sentence(), e.fingerprint(), e.publishedAt(),
                e.articleLab(), e.dateFromArticle());
    }

    private static ReleaseDate day(String d) {
        return ReleaseDate.ofDay(LocalDate.parse(d));
    }

    @Test
    void ownLabPost_beatsAnotherLabsPostOfADifferentDay() {
        // DeepSeek's own "DeepSeek-V3 发布 2024/12/26" against Qwen's 2025-01-28 post that names V3 undated
        var own = Evidences.in("deepseek", "deepseek-v3", "deepseek-v3", day("2024-12-26"), ArticleKind.LAB_POST,
                at("2024-12-26"), Optional.of("deepseek"), "DeepSeek-V3 released");
        var other = surer(Evidences.in("deepseek", "deepseek-v3", "deepseek-v3", day("2025-01-28"),
                ArticleKind.LAB_POST, at("2025-01-28"), Optional.of("qwen"), "outperforms DeepSeek-V3"));

        ReleaseEvent event = builder.build(List.of(other, own)).get(0);

        assertThat(event.date()).contains(day("2024-12-26"));
        Dating why = builder.explain(event.evidence());
        assertThat(why.basis()).contains(own);
        assertThat(why.reason()).contains("over").contains("qwen");
    }

    @Test
    void anotherLabsStatedDay_beatsNewsStatedDay_onlyWhenOwn() {
        var news = Evidences.in("zhipu", "glm-4.6", "glm-4.6", day("2025-09-29"), ArticleKind.NEWS,
                at("2025-10-02"), Optional.empty(), "GLM-4.6 was released on September 29");
        var rivalPost = Evidences.in("zhipu", "glm-4.6", "glm-4.6", day("2025-10-01"), ArticleKind.LAB_POST,
                at("2025-10-03"), Optional.of("minimax"), "GLM-4.6, out on October 1");

        ReleaseEvent event = builder.build(List.of(rivalPost, news)).get(0);

        assertThat(event.date()).as("another lab's post is a third party: the earlier report wins")
                .contains(day("2025-09-29"));
    }

    @Test
    void boundingMention_neverSetsTheDate_whenDatedEvidenceExists() {
        var bound = Evidences.in("qwen", "qwen2.5-max", "qwen2.5-max", ReleaseDate.ofWeek(LocalDate.of(2025, 3, 12)),
                ArticleKind.NEWS, at("2025-03-12"), Optional.empty(), "since the launch of Qwen 2.5-Max");
        var stated = Evidences.in("qwen", "qwen2.5-max", "qwen2.5-max", ReleaseDate.ofMonth(YearMonth.of(2025, 1)),
                ArticleKind.NEWS, at("2025-02-10"), Optional.empty(), "Qwen2.5-Max came out in January");

        ReleaseEvent event = builder.build(List.of(bound, stated)).get(0);

        assertThat(event.date()).contains(ReleaseDate.ofMonth(YearMonth.of(2025, 1)));
        assertThat(builder.explain(event.evidence()).reason()).contains("mere bound");
    }

    @Test
    void boundingMentionAlone_keepsOnOrBefore_andNeverCollides() {
        var bound = Evidences.in("qwen", "qwen2.5-max", "qwen2.5-max", ReleaseDate.ofWeek(LocalDate.of(2025, 3, 12)),
                ArticleKind.NEWS, at("2025-03-12"), Optional.empty(), "since the launch of Qwen 2.5-Max");
        var later = Evidences.in("qwen", "qwen2.5-max", "qwen2.5-max", ReleaseDate.ofWeek(LocalDate.of(2025, 3, 20)),
                ArticleKind.NEWS, at("2025-03-20"), Optional.empty(), "after the launch of Qwen 2.5-Max");
        var rival = Evidences.in("deepseek", "deepseek-v3-0324", "deepseek-v3-0324", day("2025-03-12"),
                ArticleKind.LAB_POST, at("2025-03-12"), Optional.of("deepseek"), "DeepSeek-V3-0324 released");

        List<ReleaseEvent> events = builder.build(List.of(bound, later, rival));
        ReleaseEvent max = events.stream().filter(e -> e.lab().equals("qwen")).findFirst().orElseThrow();

        assertThat(max.date()).isEmpty();
        Dating why = builder.explain(max.evidence());
        assertThat(why.onOrBefore()).contains(LocalDate.of(2025, 3, 12));
        assertThat(why.reason()).contains("on or before 2025-03-12");
        var detector = new CollisionDetector(new dev.collide.config.DetectionConfig(java.time.Duration.ofDays(7),
                0.0, List.of()));
        assertThat(detector.detect(events, List.of())).isEmpty();
    }

    @Test
    void statedDay_beatsStatedMonth_beatsInferredWeek() {
        var month = Evidences.in("moonshot", "kimi-k2", "kimi-k2", ReleaseDate.ofMonth(YearMonth.of(2025, 7)),
                ArticleKind.NEWS, at("2025-08-20"), Optional.empty(), "Kimi K2 came out in July");
        var dayLater = Evidences.in("moonshot", "kimi-k2", "kimi-k2", day("2025-07-11"), ArticleKind.NEWS,
                at("2025-08-25"), Optional.empty(), "Kimi K2, released on July 11");
        var week = Evidences.in("moonshot", "kimi-k2", "kimi-k2", ReleaseDate.ofWeek(LocalDate.of(2025, 7, 1)),
                ArticleKind.NEWS, at("2025-07-01"), Optional.empty(), "Kimi K2 is out");

        assertThat(builder.build(List.of(week, month, dayLater)).get(0).date()).contains(day("2025-07-11"));
        assertThat(builder.build(List.of(week, month)).get(0).date())
                .contains(ReleaseDate.ofMonth(YearMonth.of(2025, 7)));
    }

    @Test
    void undatedNews_datedByItsArticle_ranksBelowAStatedMonth() {
        var undated = Evidences.dateFromArticle(Evidences.in("moonshot", "kimi-k9", "kimi-k9", day("2031-05-06"),
                ArticleKind.NEWS, at("2031-05-06"), Optional.empty(), "Moonshot has put out Kimi K9"), true);
        var month = Evidences.in("moonshot", "kimi-k9", "kimi-k9", ReleaseDate.ofMonth(YearMonth.of(2031, 4)),
                ArticleKind.NEWS, at("2031-05-20"), Optional.empty(), "Kimi K9 came out in April");

        ReleaseEvent event = builder.build(List.of(undated, month)).get(0);

        assertThat(event.date()).contains(ReleaseDate.ofMonth(YearMonth.of(2031, 4)));
        assertThat(builder.explain(event.evidence()).reason())
                .startsWith("a stated date over one inferred from an article's date");
    }

    @Test
    void newsSayingToday_isAStatedDay_thoughItIsTheArticlesDay() {
        var today = Evidences.dateFromArticle(Evidences.in("moonshot", "kimi-k9", "kimi-k9", day("2031-05-06"),
                ArticleKind.NEWS, at("2031-05-06"), Optional.empty(), "Moonshot put out Kimi K9 today"), false);
        var month = Evidences.in("moonshot", "kimi-k9", "kimi-k9", ReleaseDate.ofMonth(YearMonth.of(2031, 4)),
                ArticleKind.NEWS, at("2031-05-20"), Optional.empty(), "Kimi K9 came out in April");

        assertThat(builder.build(List.of(today, month)).get(0).date()).contains(day("2031-05-06"));
    }

    @Test
    void backReferenceDatedByItsArticlesDay_onlyBounds() {
        var bound = Evidences.dateFromArticle(Evidences.in("qwen", "qwen9-max", "qwen9-max", day("2031-06-02"),
                ArticleKind.NEWS, at("2031-06-02"), Optional.empty(), "since the launch of Qwen9-Max, rivals"), true);

        ReleaseEvent event = builder.build(List.of(bound)).get(0);

        assertThat(event.date()).isEmpty();
        assertThat(builder.explain(event.evidence()).onOrBefore()).contains(LocalDate.of(2031, 6, 2));
    }

    @Test
    void undatedReportsDay_withinAStatedMonth_narrowsIt() {
        var month = Evidences.in("meta", "llama-9", "llama-9", ReleaseDate.ofMonth(YearMonth.of(2031, 7)),
                ArticleKind.NEWS, at("2032-01-10"), Optional.empty(), "In July 2031 Meta put out Llama 9");
        var launchDay = Evidences.dateFromArticle(Evidences.in("meta", "llama-9", "llama-9", day("2031-07-23"),
                ArticleKind.NEWS, at("2031-07-23"), Optional.empty(), "We are opening Llama 9 to all"), true);
        var laterStory = Evidences.dateFromArticle(Evidences.in("meta", "llama-9", "llama-9", day("2031-07-29"),
                ArticleKind.NEWS, at("2031-07-29"), Optional.empty(), "Meta has put out Llama 9"), true);

        ReleaseEvent event = builder.build(List.of(month, laterStory, launchDay)).get(0);

        assertThat(event.date()).contains(day("2031-07-23"));
        Dating why = builder.explain(event.evidence());
        assertThat(why.basis()).contains(launchDay);
        assertThat(why.reason()).startsWith("an article's day within a stated vaguer date narrows it");
    }

    @Test
    void undatedReportsDay_outsideTheStatedMonth_neverMovesIt() {
        var month = Evidences.in("openai", "gpt-9", "gpt-9", ReleaseDate.ofMonth(YearMonth.of(2031, 5)),
                ArticleKind.NEWS, at("2032-01-10"), Optional.empty(), "GPT-9 had come out in May 2031");
        var laterMention = Evidences.dateFromArticle(Evidences.in("openai", "gpt-9", "gpt-9", day("2031-07-22"),
                ArticleKind.NEWS, at("2031-07-22"), Optional.empty(), "OpenAI has launched GPT-9"), true);

        assertThat(builder.build(List.of(month, laterMention)).get(0).date())
                .contains(ReleaseDate.ofMonth(YearMonth.of(2031, 5)));
    }

    @Test
    void sinceItWasReleased_andTheRecentReleaseOf_onlyBound() {
        var since = Evidences.dateFromArticle(Evidences.in("openai", "gpt-9", "gpt-9", day("2031-03-22"),
                ArticleKind.NEWS, at("2031-03-22"), Optional.empty(), "it has been a year since GPT-9 was released"),
                true);
        var recent = Evidences.dateFromArticle(Evidences.in("anthropic", "claude-9", "claude-9", day("2031-03-22"),
                ArticleKind.NEWS, at("2031-03-22"), Optional.empty(), "all eyes on the recent release of Claude 9"),
                true);

        assertThat(builder.build(List.of(since, recent))).allSatisfy(e -> assertThat(e.date()).isEmpty());
    }

    @Test
    void miniTier_shippedMonthsApart_isALaunchOfItsOwn() {
        var mini = Evidences.in("openai", "o9-mini", "o9", day("2031-01-31"), ArticleKind.NEWS, at("2031-02-01"),
                Optional.empty(), "OpenAI shipped o9-mini on January 31");
        var full = Evidences.in("openai", "o9", "o9", day("2031-04-16"), ArticleKind.NEWS, at("2031-04-17"),
                Optional.empty(), "OpenAI shipped o9 on April 16");

        assertThat(builder.build(List.of(mini, full))).extracting(ReleaseEvent::family, e -> e.date().orElseThrow())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("o9-mini", day("2031-01-31")),
                        org.assertj.core.groups.Tuple.tuple("o9", day("2031-04-16")));
    }

    @Test
    void evidenceStoredWithoutTheFlag_newsDatedByItsArticlesDay_isInferred() {
        var legacy = Evidences.in("moonshot", "kimi-k9", "kimi-k9", day("2031-05-06"), ArticleKind.NEWS,
                at("2031-05-06"), Optional.empty(), "Moonshot has put out Kimi K9");

        assertThat(legacy.dateFromArticle()).isEmpty();
        assertThat(builder.explain(List.of(legacy)).evidence().get(0))
                .endsWith("no date in the text; inferred 2031-05-06 from its article of 2031-05-06");
    }

    @Test
    void inferredWeekAlone_datesTheEvent_whenTheSentenceReportsTheRelease() {
        var week = Evidences.in("moonshot", "kimi-k2", "kimi-k2", ReleaseDate.ofWeek(LocalDate.of(2025, 7, 11)),
                ArticleKind.NEWS, at("2025-07-11"), Optional.empty(), "Moonshot has released Kimi K2");

        ReleaseEvent event = builder.build(List.of(week)).get(0);

        assertThat(event.date()).contains(ReleaseDate.ofWeek(LocalDate.of(2025, 7, 11)));
        assertThat(builder.explain(event.evidence()).evidence().get(0)).contains("inferred");
    }

    @Test
    void earlierIndependentReport_beatsLater() {
        var late = surer(Evidences.in("minimax", "minimax-m2", "minimax-m2", day("2025-10-28"), ArticleKind.NEWS,
                at("2025-10-29"), Optional.empty(), "MiniMax-M2 was released on October 28"));
        var early = Evidences.in("minimax", "minimax-m2", "minimax-m2", day("2025-10-27"), ArticleKind.NEWS,
                at("2025-10-30"), Optional.empty(), "MiniMax-M2 was released on October 27");

        ReleaseEvent event = builder.build(List.of(late, early)).get(0);

        assertThat(event.date()).contains(day("2025-10-27"));
        assertThat(builder.explain(event.evidence()).reason()).startsWith("the earlier report");
    }

    @Test
    void sizesAndQuantisations_mergeIntoTheLaunch() {
        var launch = Evidences.in("qwen", "qwen3", "qwen3", day("2025-04-29"), ArticleKind.LAB_POST,
                at("2025-04-29"), Optional.of("qwen"), "Qwen3 released");
        var size = Evidences.in("qwen", "qwen3-235b-a22b-instruct-fp8", "qwen3", day("2025-04-30"),
                ArticleKind.HUB_RECORD, at("2025-04-30"), Optional.of("qwen"), "Qwen3-235B-A22B-Instruct-FP8");
        var gguf = Evidences.in("qwen", "qwen3-8b-gguf", "qwen3", day("2025-05-02"), ArticleKind.NEWS,
                at("2025-05-02"), Optional.empty(), "Qwen3-8B-GGUF released");

        assertThat(builder.build(List.of(launch, size, gguf))).singleElement()
                .satisfies(e -> assertThat(e.family()).isEqualTo("qwen3"));
    }

    @Test
    void pointReleasesAndUpdates_areOwnEvents_andNeverMoveTheLaunch() {
        var r1 = Evidences.in("deepseek", "deepseek-r1", "deepseek-r1", day("2025-01-20"), ArticleKind.LAB_POST,
                at("2025-01-20"), Optional.of("deepseek"), "DeepSeek-R1 released");
        var lite = Evidences.in("deepseek", "deepseek-r1-lite-preview", "deepseek-r1", day("2024-11-20"),
                ArticleKind.LAB_POST, at("2024-11-20"), Optional.of("deepseek"), "DeepSeek-R1-Lite-Preview is live");
        var qwen3 = Evidences.in("qwen", "qwen3-235b-a22b", "qwen3", day("2025-04-29"), ArticleKind.LAB_POST,
                at("2025-04-29"), Optional.of("qwen"), "We release Qwen3-235B-A22B");
        var update = Evidences.in("qwen", "qwen3-235b-a22b", "qwen3", day("2025-07-21"), ArticleKind.LAB_POST,
                at("2025-07-21"), Optional.of("qwen"), "We release the updated version of Qwen3-235B-A22B");
        var exp = Evidences.in("deepseek", "deepseek-v3.2-terminus", "deepseek-v3.2", day("2025-09-22"),
                ArticleKind.LAB_POST, at("2025-09-22"), Optional.of("deepseek"), "DeepSeek-V3.2-Terminus");

        List<ReleaseEvent> events = builder.build(List.of(r1, lite, qwen3, update, exp));

        assertThat(events).extracting(ReleaseEvent::family).containsExactlyInAnyOrder("deepseek-r1",
                "deepseek-r1-lite-preview", "qwen3", "qwen3-update-2025-07", "deepseek-v3.2-terminus");
        assertThat(events).filteredOn(e -> e.family().equals("deepseek-r1")).singleElement()
                .satisfies(e -> assertThat(e.date()).contains(day("2025-01-20")));
        assertThat(events).filteredOn(e -> e.family().equals("qwen3")).singleElement()
                .satisfies(e -> assertThat(e.date()).contains(day("2025-04-29")));
    }

    @Test
    void previewAndPlainName_sameDay_areOneLaunch() {
        var title = Evidences.in("deepseek", "deepseek-v9-preview", "deepseek-v9", day("2031-03-04"),
                ArticleKind.LAB_POST, at("2031-03-04"), Optional.of("deepseek"), "DeepSeek V9 Preview is here");
        var body = Evidences.in("deepseek", "deepseek-v9", "deepseek-v9", day("2031-03-04"), ArticleKind.LAB_POST,
                at("2031-03-04"), Optional.of("deepseek"), "Today we open DeepSeek V9 to everyone as a preview");
        var news = Evidences.in("deepseek", "deepseek-v9", "deepseek-v9", day("2031-03-04"), ArticleKind.NEWS,
                at("2031-03-05"), Optional.empty(), "DeepSeek put out DeepSeek V9 on Tuesday");
        var rival = Evidences.in("qwen", "qwen9", "qwen9", day("2031-03-05"), ArticleKind.LAB_POST,
                at("2031-03-05"), Optional.of("qwen"), "Qwen9 ships today");

        List<ReleaseEvent> events = builder.build(List.of(title, body, news, rival));

        assertThat(events).filteredOn(e -> e.lab().equals("deepseek")).singleElement().satisfies(e -> {
            assertThat(e.family()).isEqualTo("deepseek-v9-preview");
            assertThat(e.model()).as("the variant's name, not the shorter plain one")
                    .isEqualTo("deepseek-v9-preview");
            assertThat(e.date()).contains(day("2031-03-04"));
            assertThat(e.evidence()).hasSize(3);
        });
        var detector = new CollisionDetector(new dev.collide.config.DetectionConfig(java.time.Duration.ofDays(7),
                0.0, List.of()));
        assertThat(detector.detect(events, List.of())).as("one collision, not one per name").hasSize(1);
    }

    @Test
    void previewThenFinal_onDifferentDays_areTwoLaunches_andTheFinalKeepsItsDate() {
        var preview = Evidences.in("deepseek", "deepseek-v9-preview", "deepseek-v9", day("2031-03-04"),
                ArticleKind.LAB_POST, at("2031-03-04"), Optional.of("deepseek"), "DeepSeek V9 Preview is here");
        var fin = Evidences.in("deepseek", "deepseek-v9", "deepseek-v9", day("2031-05-20"), ArticleKind.LAB_POST,
                at("2031-05-20"), Optional.of("deepseek"), "DeepSeek V9 is now generally available");

        List<ReleaseEvent> events = builder.build(List.of(preview, fin));

        assertThat(events).extracting(ReleaseEvent::family, e -> e.date().orElseThrow())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("deepseek-v9-preview",
                        day("2031-03-04")), org.assertj.core.groups.Tuple.tuple("deepseek-v9", day("2031-05-20")));
    }

    @Test
    void plainNameStatedByMonth_holdingThePreviewDay_joinsThePreview() {
        var preview = Evidences.in("deepseek", "deepseek-v9-preview", "deepseek-v9", day("2031-03-04"),
                ArticleKind.LAB_POST, at("2031-03-04"), Optional.of("deepseek"), "DeepSeek V9 Preview is here");
        var month = Evidences.in("deepseek", "deepseek-v9", "deepseek-v9", ReleaseDate.ofMonth(YearMonth.of(2031, 3)),
                ArticleKind.NEWS, at("2031-04-02"), Optional.empty(), "DeepSeek V9 came out in March");

        assertThat(builder.build(List.of(preview, month))).singleElement().satisfies(e -> {
            assertThat(e.family()).isEqualTo("deepseek-v9-preview");
            assertThat(e.date()).contains(day("2031-03-04"));
        });
    }

    @Test
    void genericTokens_neverBecomeEvents() {
        var size = Evidences.in("qwen", "7b", "7b", day("2025-04-29"), ArticleKind.NEWS, at("2025-04-29"),
                Optional.empty(), "the 7B model");
        var app = Evidences.in("qwen", "qwen-chat", "qwen-chat", day("2025-04-29"), ArticleKind.NEWS,
                at("2025-04-29"), Optional.empty(), "QWEN CHAT");
        var lab = Evidences.in("deepseek", "deepseek", "deepseek", day("2025-04-29"), ArticleKind.NEWS,
                at("2025-04-29"), Optional.empty(), "DeepSeek released");
        var real = Evidences.in("qwen", "qwen3", "qwen3", day("2025-04-29"), ArticleKind.NEWS, at("2025-04-29"),
                Optional.empty(), "Qwen3 released");

        assertThat(builder.build(List.of(size, app, lab, real))).extracting(ReleaseEvent::family)
                .containsExactly("qwen3");
    }
}
