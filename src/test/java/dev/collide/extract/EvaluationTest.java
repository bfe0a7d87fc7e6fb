package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Issue #3 targets on our labelled set (src/test/resources/extract/eval). */
class EvaluationTest {
    @Test
    void evaluate_labelledSet_meetsIssueTargets() throws IOException {
        var lines = Files.readAllLines(Evaluation.DEFAULT_SET, StandardCharsets.UTF_8);

        Evaluation.Report report = Evaluation.evaluate(new DictionaryExtractor(TestLabs.labs()), lines);

        System.out.print(report.toTable());
        assertThat(report.items()).isGreaterThanOrEqualTo(150);
        assertThat(report.namePrecision()).as(report.errors().toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.nameRecall()).as(report.errors().toString()).isGreaterThanOrEqualTo(0.93);
        assertThat(report.dayExactAccuracy()).as(report.errors().toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void evaluate_heldOutSet_staysAboveNameTargets() throws IOException {
        var lines = Files.readAllLines(Evaluation.DEFAULT_SET.resolveSibling("heldout.tsv"), StandardCharsets.UTF_8);

        Evaluation.Report report = Evaluation.evaluate(new DictionaryExtractor(TestLabs.labs()), lines);

        System.out.print("held-out " + report.toTable());
        assertThat(report.items()).isEqualTo(60);
        assertThat(report.namePrecision()).as(report.errors().toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.nameRecall()).as(report.errors().toString()).isGreaterThanOrEqualTo(0.93);
    }
}
