package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.collide.extract.CorpusEvaluation.Gold;
import dev.collide.extract.CorpusEvaluation.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extractor on real published text (issue #12): shared/corpus/realtext, read at test time (its passages are
 * quotations and never enter the repository). The floors sit just under what the extractor reaches, so that no
 * change loses ground unseen; raise them when it gains.
 */
class RealTextEvaluationTest {
    static final Path CORPUS = Path.of("../shared/corpus/realtext/passages.jsonl");

    @Test
    void realTextCorpus_staysAboveItsFloors() throws IOException {
        if (!Files.isReadable(CORPUS)) {
            dev.collide.RequiredService.missing(CORPUS.toAbsolutePath() + " not found (a checkout beside shared/ has it)");
        }
        var evaluation = new CorpusEvaluation(new DictionaryExtractor(TestLabs.labs()), TestLabs.labs());
        List<Passage> passages = CorpusFile.read(CORPUS);
        CorpusEvaluation.Report r = evaluation.evaluate(passages);
        CorpusEvaluation.Report held = evaluation.evaluate(CorpusSplit.HELD_OUT.select(passages));
        System.out.print(r.toTable(false));
        System.out.print("held-out: " + held.toTable(false));

        assertThat(r.strictPrecision()).as("strict precision").isGreaterThanOrEqualTo(0.90);
        assertThat(r.strictRecall()).as("strict recall").isGreaterThanOrEqualTo(0.89);
        assertThat(r.dayExact()).as("day-exact").isGreaterThanOrEqualTo(0.95);
        assertThat(r.falseReleasesOnNoRelease()).as("false releases on no-release passages").isLessThanOrEqualTo(0);
        // The held-out split (by source site, see CorpusSplit) was fixed before tuning and, until the session of
        // 2026-12-02, never read to choose a rule. That session read its misses (rt068, rt087, rt113, rt121, rt128,
        // rt134) to find classes of miss, so its figures are no longer held-out: the team's unseen set is the measure.
        // The floors still guard what was reached.
        assertThat(held.strictPrecision()).as("held-out strict precision").isGreaterThanOrEqualTo(0.89);
        assertThat(held.strictRecall()).as("held-out strict recall").isGreaterThanOrEqualTo(0.88);
        assertThat(held.dayExact()).as("held-out day-exact").isGreaterThanOrEqualTo(0.91);
        assertThat(held.falseReleasesOnNoRelease()).as("held-out false releases").isLessThanOrEqualTo(0);
    }

    // The scoring rules themselves, on sentences written for this test.

    private static Passage passage(String text, Gold... gold) {
        return new Passage("p1", "https://news.example/p1", LocalDate.of(2025, 9, 30), "news", "", text,
                List.of(gold));
    }

    private static CorpusEvaluation.Report score(Passage... p) {
        return new CorpusEvaluation(new DictionaryExtractor(TestLabs.labs()), TestLabs.labs()).evaluate(List.of(p));
    }

    @Test
    void scoring_dayGoldNeedsTheDayOrAnAltDate() {
        Gold gold = new Gold("zhipu", "GLM-4.6", LocalDate.of(2025, 9, 29), Precision.DAY, List.of(), false);
        Gold withAlt = new Gold("zhipu", "GLM-4.6", LocalDate.of(2025, 9, 28), Precision.DAY,
                List.of(LocalDate.of(2025, 9, 29)), false);

        var right = score(passage("Zhipu released GLM-4.6 on September 29, 2025.", gold));
        var viaAlt = score(passage("Zhipu released GLM-4.6 on September 29, 2025.", withAlt));
        var wrongDay = score(passage("Zhipu released GLM-4.6 on September 27, 2025.", gold));

        assertThat(right.strictRecall()).isEqualTo(1.0);
        assertThat(viaAlt.strictRecall()).isEqualTo(1.0);
        assertThat(wrongDay.strictRecall()).isEqualTo(0.0);
        assertThat(wrongDay.lenientRecall()).isEqualTo(1.0);
        assertThat(wrongDay.dayExact()).isEqualTo(0.0);
        assertThat(wrongDay.strictPrecision()).isEqualTo(0.0);
    }

    @Test
    void scoring_namesMatchBySubstringOnLettersDigitsAndDots() {
        Gold gold = new Gold("zhipu", "GLM 4.6", LocalDate.of(2025, 9, 1), Precision.MONTH, List.of(), false);

        var r = score(passage("Zhipu released GLM-4.6-Air in September 2025.", gold));

        assertThat(r.strictRecall()).isEqualTo(1.0);
        assertThat(CorpusEvaluation.normalise("GLM-4.6 (Air)")).isEqualTo("glm4.6air");
    }

    @Test
    void scoring_optionalTuplesAreNeitherMissesNorFalseReleases() {
        Gold optional = new Gold("zhipu", "GLM-4.6", LocalDate.of(2025, 9, 29), Precision.DAY, List.of(), true);

        var found = score(passage("Zhipu released GLM-4.6 on September 29, 2025.", optional));
        var absent = score(passage("GLM-4.6 scores well on coding benchmarks.", optional));

        assertThat(found.required()).isZero();
        assertThat(found.strictEmitted()).isZero();
        assertThat(absent.misses()).isEmpty();
    }

    @Test
    void scoring_releaseInANoReleasePassageIsCounted() {
        var r = score(passage("Zhipu released GLM-4.6 on September 29, 2025."));

        assertThat(r.noReleasePassages()).isEqualTo(1);
        assertThat(r.falseReleasesOnNoRelease()).isEqualTo(1);
        assertThat(r.misses()).singleElement().satisfies(m -> assertThat(m.falseReleases()).hasSize(1));
    }

    @Test
    void corpusFile_malformedLine_namesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"published\": \"2025-01-01\", \"text\": \"x\", \"gold\": []}\n{oops\n");

        var e = assertThrows(IllegalArgumentException.class, () -> CorpusFile.read(file));

        assertThat(e.getMessage()).contains("bad.jsonl:2");
    }
}
