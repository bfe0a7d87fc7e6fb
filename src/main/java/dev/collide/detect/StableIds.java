package dev.collide.detect;

/**
 * Short ids derived from content, so re-running detection finds the same rows instead of creating new ones. A 64-bit
 * FNV-1a hash with a final avalanche: not for security, only to name rows; collisions are negligible for the
 * millions of events an archive holds (birthday bound ~1e-7 at 1e6 ids).
 */
final class StableIds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableIds() {
    }

    static String of(String key) {
        // FNV-1a over the UTF-16 code units, split into bytes: no byte array per call
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h ^= c & 0xff;
            h *= FNV_PRIME;
            h ^= c >>> 8;
            h *= FNV_PRIME;
        }
        return hex(mix(h));
    }

    /** The id of an unordered pair of ids made by {@link #of}: no string building, a few multiplications. */
    static String ofPair(String idA, String idB) {
        long a = Long.parseUnsignedLong(idA, 16);
        long b = Long.parseUnsignedLong(idB, 16);
        long lo = Long.compareUnsigned(a, b) <= 0 ? a : b;
        long hi = lo == a ? b : a;
        return hex(mix(mix(lo) * 31 + hi));
    }

    // murmur3 fmix64: spreads the low-entropy bits over the whole word
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static String hex(long h) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = Character.forDigit((int) (h & 0xf), 16);
            h >>>= 4;
        }
        return new String(out);
    }
}
