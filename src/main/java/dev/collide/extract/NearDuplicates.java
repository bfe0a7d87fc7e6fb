package dev.collide.extract;

/**
 * Near-duplicate articles (issue #3: syndicated copies and reposts must not count as independent evidence).
 * {@link #fingerprint} is a 64-bit SimHash over 3-word shingles of the text, lower-cased, with punctuation, digits'
 * formatting and whitespace ignored; each Han character counts as a word. Two texts whose fingerprints differ in at
 * most {@link #MAX_DISTANCE} bits are the same story ({@link #isNearDuplicate}). The store keeps the fingerprint per
 * article; the detector counts near-duplicate sources once. Pure functions, thread-safe, O(text length).
 */
public final class NearDuplicates {
    /**
     * Bits two copies of one story may differ in. The syndicated copy of NearDuplicatesTest (a wire prefix and two
     * boilerplate lines on a 120-word story) differs in 8 bits, another story on the same topic in 35; unrelated
     * texts differ in 32 +- 4 bits, so 12 or fewer happens by chance about once in a million pairs.
     */
    public static final int MAX_DISTANCE = 12;
    private static final int SHINGLE = 3;
    /** Beyond this, a text's fingerprint is that of its beginning: enough to identify a story, bounded work. */
    private static final int MAX_CHARS = 200_000;

    private NearDuplicates() {
    }

    /** The SimHash of {@code text}; 0 for a text with fewer than one word. Never throws on any string. */
    public static long fingerprint(String text) {
        if (text == null || text.isEmpty()) {
            return 0L;
        }
        int[] weights = new int[64];
        long[] window = new long[SHINGLE];
        int words = 0;
        int n = Math.min(text.length(), MAX_CHARS);
        long word = 0xCBF29CE484222325L;
        boolean inWord = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            boolean han = c >= 0x4E00 && c <= 0x9FFF;
            if (Character.isLetterOrDigit(c) && !han) {
                word = (word ^ Character.toLowerCase(c)) * 0x100000001B3L;
                inWord = true;
                continue;
            }
            if (inWord) {
                words = add(window, words, word, weights);
                inWord = false;
                word = 0xCBF29CE484222325L;
            }
            if (han) {
                words = add(window, words, (0xCBF29CE484222325L ^ c) * 0x100000001B3L, weights);
            }
            if (!inWord) {
                word = 0xCBF29CE484222325L;
            }
        }
        if (words > 0 && words < SHINGLE) {
            // A text shorter than one shingle: hash what there is.
            addShingle(mix(window[0] * 31 + window[Math.min(1, words - 1)]), weights);
        }
        long hash = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                hash |= 1L << b;
            }
        }
        return hash;
    }

    /** Whether two fingerprints are of the same story: Hamming distance at most {@link #MAX_DISTANCE}. */
    public static boolean isNearDuplicate(long a, long b) {
        return distance(a, b) <= MAX_DISTANCE;
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static int add(long[] window, int words, long word, int[] weights) {
        window[words % SHINGLE] = word;
        int count = words + 1;
        if (count >= SHINGLE) {
            long h = 0;
            for (int k = 0; k < SHINGLE; k++) {
                h = h * 0x9E3779B97F4A7C15L + window[(count - SHINGLE + k) % SHINGLE];
            }
            addShingle(mix(h), weights);
        }
        return count;
    }

    private static void addShingle(long h, int[] weights) {
        for (int b = 0; b < 64; b++) {
            weights[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
        }
    }

    /** SplitMix64 finaliser: spreads the shingle hash over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
