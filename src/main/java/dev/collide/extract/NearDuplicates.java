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
        BitCounts ones = new BitCounts();
        long[] window = new long[SHINGLE];
        int words = 0;
        int n = Math.min(text.length(), MAX_CHARS);
        long word = 0xCBF29CE484222325L;
        boolean inWord = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            boolean han = c >= 0x4E00 && c <= 0x9FFF;
            if (!han && isLetterOrDigit(c)) {
                word = (word ^ toLowerCase(c)) * 0x100000001B3L;
                inWord = true;
                continue;
            }
            if (inWord) {
                words = add(window, words, word, ones);
                inWord = false;
                word = 0xCBF29CE484222325L;
            }
            if (han) {
                words = add(window, words, (0xCBF29CE484222325L ^ c) * 0x100000001B3L, ones);
            }
            if (!inWord) {
                word = 0xCBF29CE484222325L;
            }
        }
        if (words > 0 && words < SHINGLE) {
            // A text shorter than one shingle: hash what there is.
            ones.add(mix(window[0] * 31 + window[Math.min(1, words - 1)]));
        }
        return ones.majority();
    }

    // ASCII first: most feed text is, and the Character tables cost a lookup per character (issue 18's profile)
    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? NameDictionary.isLatinAlnum(c) : Character.isLetterOrDigit(c);
    }

    private static char toLowerCase(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /**
     * How many of the added hashes have each of the 64 bits set, kept as bit-sliced binary counters (plane k holds
     * bit k of all 64 counts), so adding a hash is a carry through a plane or two, not 64 additions. The SimHash
     * bit is set where more than half the shingles have it.
     */
    static final class BitCounts {
        /** 2^20 shingles: more than the words in {@link #MAX_CHARS} characters. */
        private final long[] planes = new long[20];
        private int added;

        void add(long hash) {
            long carry = hash;
            for (int k = 0; carry != 0; k++) {
                long next = planes[k] & carry;
                planes[k] ^= carry;
                carry = next;
            }
            added++;
        }

        /** The bits set in more than half the added hashes. */
        long majority() {
            long result = 0;
            for (int b = 0; b < 64; b++) {
                int count = 0;
                for (int k = 0; k < planes.length; k++) {
                    count |= (int) ((planes[k] >>> b) & 1) << k;
                }
                if (2 * count > added) {
                    result |= 1L << b;
                }
            }
            return result;
        }
    }

    /** Whether two fingerprints are of the same story: Hamming distance at most {@link #MAX_DISTANCE}. */
    public static boolean isNearDuplicate(long a, long b) {
        return distance(a, b) <= MAX_DISTANCE;
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static int add(long[] window, int words, long word, BitCounts ones) {
        window[words % SHINGLE] = word;
        int count = words + 1;
        if (count >= SHINGLE) {
            long h = 0;
            for (int k = 0; k < SHINGLE; k++) {
                h = h * 0x9E3779B97F4A7C15L + window[(count - SHINGLE + k) % SHINGLE];
            }
            ones.add(mix(h));
        }
        return count;
    }

    /** SplitMix64 finaliser: spreads the shingle hash over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
