package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue #3: empty text, a 5 MB article, binary junk, mixed scripts: bounded, never an exception. */
class BadInputTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    @Test
    void extract_emptyText_isEmpty() {
        assertThat(EXTRACTOR.extract(TestLabs.news("2026-04-29", ""))).isEqualTo(Extraction.EMPTY);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // hang guard only
    void extract_fiveMegabyteArticle_readsTheFirstTwoMillionChars() {
        String sentence = "Zhipu released GLM-5 on April 2 while DeepSeek-V4 beats Kimi K2.6 on benchmarks. ";
        String text = sentence.repeat(5_000_000 / sentence.length()) + "Moonshot released Kimi K9 yesterday.";

        Extraction e = EXTRACTOR.extract(TestLabs.news("2026-04-29", text));

        assertThat(e.mentions()).extracting(Mention::modelId).containsExactly("glm-5", "deepseek-v4", "kimi-k2.6");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void extract_fiveMegabyteWordWithoutSpaces_returns() {
        String text = "DeepSeek-V" + "9".repeat(5_000_000);

        assertThat(EXTRACTOR.extract(TestLabs.news("2026-04-29", text)).mentions()).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void extract_randomBytesAsText_neverThrows() {
        byte[] junk = new byte[1_000_000];
        new Random(7).nextBytes(junk);
        String text = new String(junk, StandardCharsets.ISO_8859_1) + new String(junk, StandardCharsets.UTF_8);

        Extraction e = EXTRACTOR.extract(TestLabs.news("2026-04-29", text));

        assertThat(e.mentions().size()).isLessThan(100);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void extract_mixedScripts_readsTheNamesAmongThem() {
        String text = "Сегодня 月之暗面 发布了 Kimi K2.6 — مرحبا 🚀 DeepSeek-V4 est sorti hier\u0000\uD800 ok.";

        Extraction e = EXTRACTOR.extract(TestLabs.news("2026-04-29", text));

        assertThat(e.mentions()).extracting(Mention::modelId).containsExactly("kimi-k2.6", "deepseek-v4");
    }
}
