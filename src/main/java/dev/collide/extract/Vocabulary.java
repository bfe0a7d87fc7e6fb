package dev.collide.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the extractor looks words up in, hundreds of times per sentence. {@code Set.of} and {@code Map.of}
 * place a key by {@code Math.floorMod} of its hash, an integer division per look-up (12 % of the news mix's
 * profile); a HashSet or HashMap masks a power-of-two table. The lists are built once and never modified.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    /** The words as a HashSet; as with Set.of, a duplicate or null word fails when the class is loaded. */
    static Set<String> of(String... words) {
        return new HashSet<>(Set.of(words));
    }

    /** The map as a HashMap. */
    static <V> Map<String, V> copyOf(Map<String, V> map) {
        return new HashMap<>(map);
    }
}
