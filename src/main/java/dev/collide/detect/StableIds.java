package dev.collide.detect;

import java.nio.charset.StandardCharsets;

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
        long h = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        // murmur3 fmix64: spreads the low-entropy FNV bits over the whole word
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
