package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.extract.CorpusEvaluation.Gold;
import dev.collide.extract.CorpusEvaluation.Passage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned release model (issue #12 item 2): it learns what the rules do not know, and survives a round trip. */
class ReleaseModelTest {
    private static final LocalDate DAY = LocalDate.of(2031, 3, 4);

    /**
     * Invented sentences: a verb no rule knows ("yeeted") reports releases, another ("glorped") mentions. Each is its
     * own passage on its own site, so cross-validation can fold them.
     */
    private static List<Passage> passages() {
        List<Passage> out = new ArrayList<>();
        String[] labs = {"deepseek", "zhipu", "minimax", "moonshot"};
        String[] models = {"DeepSeek-V9", "GLM-9", "MiniMax-M9", "Kimi K9"};
        for (int i = 0; i < 24; i++) {
            int l = i % labs.length;
            String model = models[l] + "." + (i + 1);
            boolean release = i % 2 == 0;
            String text = release ? "The lab yeeted " + model + " to everyone on March 3, 2031."
                    : "Critics glorped " + model + " all week, on March 3, 2031.";
            List<Gold> gold = release ? List.of(new Gold(labs[l], model, LocalDate.of(2031, 3, 3),
                    Precision.DAY, List.of(), false)) : List.of();
            out.add(new Passage("t" + i, "https://site" + i + ".example/post", DAY, "news", "", text, gold));
        }
        return out;
    }

    private static boolean released(DictionaryExtractor extractor, String text) {
        return extractor.extract(TestLabs.news("2031-03-04", text)).mentions().stream().anyMatch(Mention::release);
    }

    @Test
    void learnsAReleaseVerbTheRulesDoNotKnowAndKeepsItThroughARoundTrip(@TempDir Path dir) throws Exception {
        String unseen = "The lab yeeted GLM-9.77 to everyone on March 2, 2031.";
        String mention = "Critics glorped GLM-9.77 all week, on March 2, 2031.";
        assertThat(released(new DictionaryExtractor(TestLabs.labs()), unseen))
                .as("the rules alone do not know the verb").isFalse();

        ReleaseModel model = new ReleaseModelTraining(TestLabs.labs()).train(passages());
        DictionaryExtractor learned = DictionaryExtractor.withModel(TestLabs.labs(), TestLabs.conferences(), model);
        assertThat(released(learned, unseen)).isTrue();
        assertThat(released(learned, mention)).isFalse();

        Path file = dir.resolve("model.tsv");
        model.write(file, "test");
        assertThat(Files.readAllLines(file).get(1)).isEqualTo("# test");
        DictionaryExtractor reread = DictionaryExtractor.withModel(TestLabs.labs(), TestLabs.conferences(),
                ReleaseModel.read(file));
        assertThat(released(reread, unseen)).isTrue();
        assertThat(released(reread, mention)).isFalse();
    }

    @Test
    void crossValidationScoresEveryPassageOnceWithAModelThatDidNotSeeIt() {
        CorpusEvaluation.Report report = new ReleaseModelTraining(TestLabs.labs()).crossValidate(passages(), 4);
        assertThat(report.passages()).isEqualTo(24);
        assertThat(report.required()).isEqualTo(12);
        assertThat(report.noReleasePassages()).isEqualTo(12);
        // Each fold's model learned the verb from the other folds' sentences.
        assertThat(report.strictRecall()).isEqualTo(1.0);
        assertThat(report.falseReleasesOnNoRelease()).isZero();
    }

    @Test
    void withoutABundledModelTheRulesDecideAlone() {
        assertThat(ReleaseModel.bundled()).isEmpty();
    }
}
