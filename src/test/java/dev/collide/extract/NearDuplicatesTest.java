package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
    private static final String STORY = """
            DeepSeek released DeepSeek-V4 on Friday, ending months of speculation about its next flagship model. \
            The Hangzhou-based lab said the model was trained on a cluster of domestic accelerators and supports a \
            context window of one million tokens. Early testers praised its long-context recall and its coding \
            ability, while some noted that the API was slow during the first hours after launch. The weights are \
            available on Hugging Face under an MIT licence, and the company published a technical report describing \
            a new sparse attention design. Analysts said the release puts pressure on Moonshot AI and Zhipu, both of \
            which are expected to answer with new models in the coming weeks.""";

    @Test
    void isNearDuplicate_syndicatedCopyWithOtherBoilerplate_isTrue() {
        String copy = "Reuters - " + STORY.replace("Friday", "Friday,") + " Reporting by Jane Doe; Editing by Tom "
                + "Roe. Subscribe to our newsletter for the latest AI news.";

        long a = NearDuplicates.fingerprint(STORY);
        long b = NearDuplicates.fingerprint(copy);

        assertThat(NearDuplicates.isNearDuplicate(a, b)).as("distance %d", NearDuplicates.distance(a, b)).isTrue();
    }

    @Test
    void isNearDuplicate_differentStoryOnTheSameTopic_isFalse() {
        String other = """
                Moonshot AI open-sourced Kimi K2.6 on Monday, a week after its last update. The Beijing startup \
                said the new version improves agentic coding and tool use, and that it runs on fewer GPUs than its \
                predecessor. Developers can download the weights from Hugging Face, and the API price was cut by a \
                third. The company also announced a partnership with a cloud provider to serve the model in Europe, \
                where demand for open models has grown quickly this year.""";

        long a = NearDuplicates.fingerprint(STORY);
        long b = NearDuplicates.fingerprint(other);

        assertThat(NearDuplicates.isNearDuplicate(a, b)).as("distance %d", NearDuplicates.distance(a, b)).isFalse();
    }

    @Test
    void fingerprint_sameTextDifferentCaseAndSpacing_isEqual() {
        assertThat(NearDuplicates.fingerprint("DeepSeek  released\nV4 today."))
                .isEqualTo(NearDuplicates.fingerprint("deepseek released v4 today"));
    }

    @Test
    void fingerprint_emptyOrNull_isZero() {
        assertThat(NearDuplicates.fingerprint("")).isZero();
        assertThat(NearDuplicates.fingerprint(null)).isZero();
    }

    @Test
    void bitCounts_majority_isTheBitsSetInMoreThanHalfTheHashes() {
        java.util.Random random = new java.util.Random(18);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(round < 100 ? 10 : 5_000);
            NearDuplicates.BitCounts counts = new NearDuplicates.BitCounts();
            int[] weights = new int[64];
            for (int i = 0; i < n; i++) {
                // skewed hashes too, so that some bits are near the half and ties happen
                long h = random.nextBoolean() ? random.nextLong() : random.nextLong() & random.nextLong();
                counts.add(h);
                for (int b = 0; b < 64; b++) {
                    weights[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
                }
            }
            long expected = 0;
            for (int b = 0; b < 64; b++) {
                expected |= weights[b] > 0 ? 1L << b : 0;
            }
            assertThat(counts.majority()).as("round %d, %d hashes", round, n).isEqualTo(expected);
        }
    }

    @Test
    void fingerprint_caseAndAsciiPunctuation_areIgnoredAsForOtherScripts() {
        assertThat(NearDuplicates.fingerprint("Kimi K2 ships; DeepSeek waits."))
                .isEqualTo(NearDuplicates.fingerprint("kimi k2 SHIPS deepseek -- waits"));
        assertThat(NearDuplicates.fingerprint("Ébauche du modèle Qwen"))
                .isEqualTo(NearDuplicates.fingerprint("ébauche DU MODÈLE qwen"));
        assertThat(NearDuplicates.fingerprint("Kimi K2 ships")).isNotEqualTo(NearDuplicates.fingerprint("Kimi K3 ships"));
    }
}
