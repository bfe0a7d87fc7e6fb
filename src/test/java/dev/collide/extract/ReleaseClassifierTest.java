package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.source.ArticleKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseClassifierTest {
    private static String classify(String sentence, String name) {
        int start = sentence.indexOf(name);
        var words = Words.of(sentence, 0, sentence.length());
        var clauses = Clauses.of(sentence, 0, sentence.length(), words);
        var model = new ModelName("lab", "id", name, "id", start, start + name.length());
        var v = new ReleaseClassifier().classify(sentence, words, clauses, sentence.length(), model, ArticleKind.NEWS);
        return (v.release() ? "release " : "mention ") + v.confidence();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Zhipu open-sourced GLM-4.5 ahead of the Spring Festival.|GLM-4.5|release 0.9",
        "Zhipu announced GLM-4.5 on Monday.|GLM-4.5|release 0.75",
        "GLM-4.6 runs on a single workstation.|GLM-4.6|mention 0.8",
        "Mistral is expected to ship Mistral Large 4 next quarter.|Mistral Large 4|mention 0.85",
        "DeepSeek is rumored to release V4 soon.|V4|mention 0.85",
        "Zhipu has not released GLM-6 yet.|GLM-6|mention 0.85",
        "DeepSeek released V3.2, which beats GPT-5 on math.|GPT-5|mention 0.8",
        "A GPT-4-level model now fits on a laptop.|GPT-4|mention 0.85",
        "DeepSeek released V3.2, R1 and Prover.|R1|release 0.7",
        "MiniMax-M2.5, released in February, trails GLM 5.1.|MiniMax-M2.5|release 0.75",
        "深度求索昨天正式发布了DeepSeek-V4。|DeepSeek-V4|release 0.85",
        "据传DeepSeek将于五月发布R2。|R2|mention 0.85"})
    void classify_sentence_givesVerdictAndConfidence(String sentence, String name, String expected) {
        assertThat(classify(sentence, name)).isEqualTo(expected);
    }
}
