package dev.collide.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Case-insensitive Aho–Corasick automaton over {@code char}: finds every occurrence of every key in one pass,
 * O(text + hits) whatever the number of keys (issue #3: "not a regex per name per article"). ASCII transitions are
 * a dense table, so the common case costs one array read per character; other characters walk failure links
 * through a hash map. Immutable after construction and thread-safe.
 */
final class AhoCorasick {
    /** Receives one occurrence: {@code [start, end)} in the text and the index of the key in the constructor list. */
    @FunctionalInterface
    interface HitConsumer {
        void accept(int start, int end, int keyIndex);
    }

    private static final int ASCII = 128;
    private static final int[] NO_OUTPUT = new int[0];
    private static final int HAS_OUTPUT = 1 << 31;

    /**
     * ASCII transitions, one row per state and one column per character class: the ASCII characters that occur in
     * some key (case folded) each have a class, all others share class 0, whose transitions all lead to the root.
     * A row is ~40 entries instead of 128, so the table stays in the core's cache as the lab list grows. An entry is
     * the next state's row offset (state × classes), with {@link #HAS_OUTPUT} set where that state ends a key: the
     * scan's chain of dependent loads per character then has no multiply and no second table read.
     */
    private final int[] asciiNext;
    private final byte[] asciiClass = new byte[ASCII];
    /** The non-ASCII characters of the keys: any other one leads straight back to the root. */
    private final java.util.BitSet otherChars = new java.util.BitSet();
    private final int classes;
    private final Map<Long, Integer> otherEdges;
    private final int[] fail;
    private final int[][] outputs;
    /** outputs[s].length, kept apart so that the scan loop reads one int per character, not an array header. */
    private final int[] outputCount;
    private final int[] keyLengths;

    AhoCorasick(List<String> keys) {
        List<int[]> asciiRows = new ArrayList<>();
        Map<Long, Integer> edges = new HashMap<>();
        List<List<Integer>> out = new ArrayList<>();
        asciiRows.add(emptyRow());
        out.add(new ArrayList<>());
        keyLengths = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key at index " + k);
            }
            keyLengths[k] = key.length();
            int state = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = Character.toLowerCase(key.charAt(i));
                int next = child(asciiRows, edges, state, c);
                if (next < 0) {
                    next = asciiRows.size();
                    asciiRows.add(emptyRow());
                    out.add(new ArrayList<>());
                    if (c < ASCII) {
                        asciiRows.get(state)[c] = next;
                    } else {
                        edges.put(edgeKey(state, c), next);
                    }
                }
                state = next;
            }
            out.get(state).add(k);
        }
        int states = asciiRows.size();
        if ((long) states * ASCII > Integer.MAX_VALUE) { // a row offset must fit beside the output bit
            throw new IllegalArgumentException("too many names for one automaton: " + states + " states");
        }
        int nextClass = 1;
        for (String key : keys) {
            for (int i = 0; i < key.length(); i++) {
                char c = Character.toLowerCase(key.charAt(i));
                if (c < ASCII && asciiClass[c] == 0) {
                    asciiClass[c] = (byte) nextClass++;
                } else if (c >= ASCII) {
                    otherChars.set(c);
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            asciiClass[c] = asciiClass[c + ('a' - 'A')];
        }
        classes = nextClass;
        fail = new int[states];
        outputs = new int[states][];
        int[] full = new int[states * ASCII];
        // Breadth-first: a state's failure target is always shallower, so it is complete when we reach the state.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<List<int[]>> otherChildren = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            otherChildren.add(new ArrayList<>());
        }
        edges.forEach((key, target) -> otherChildren.get((int) (key >>> 16)).add(new int[] {(int) (key & 0xFFFF),
                target}));
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> merged = new ArrayList<>(out.get(s));
            if (s != 0) {
                for (int k : outputs[fail[s]]) {
                    merged.add(k);
                }
            }
            outputs[s] = merged.isEmpty() ? NO_OUTPUT : merged.stream().mapToInt(Integer::intValue).toArray();
            int[] row = asciiRows.get(s);
            for (int c = 0; c < ASCII; c++) {
                int t = row[c];
                if (t >= 0) {
                    fail[t] = s == 0 ? 0 : full[fail[s] * ASCII + c];
                    full[s * ASCII + c] = t;
                    queue.add(t);
                } else {
                    full[s * ASCII + c] = s == 0 ? 0 : full[fail[s] * ASCII + c];
                }
            }
            for (int[] edge : otherChildren.get(s)) {
                int t = edge[1];
                fail[t] = s == 0 ? 0 : stepBuilding(full, fail[s], (char) edge[0], edges);
                queue.add(t);
            }
        }
        // Upper-case ASCII shares its lower-case class, so that matching needs no case folding.
        asciiNext = new int[states * classes];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < ASCII; c++) {
                if (asciiClass[c] != 0 && (c < 'A' || c > 'Z')) {
                    int t = full[s * ASCII + c];
                    asciiNext[s * classes + asciiClass[c]] = t * classes | (outputs[t].length > 0 ? HAS_OUTPUT : 0);
                }
            }
        }
        this.otherEdges = Map.copyOf(edges);
        outputCount = new int[states];
        for (int s = 0; s < states; s++) {
            outputCount[s] = outputs[s].length;
        }
    }

    /** Reports every occurrence of every key in {@code text}, in order of end position. */
    void find(String text, HitConsumer consumer) {
        scan(text, consumer, false);
    }

    /**
     * Reports, in order of end position, every occurrence of a key that does not begin inside a word: after an
     * ASCII letter, at an ASCII letter or digit ("Stepwise" holds no "wise" that starts there). Where no match is
     * under way the scan stays at the root through such characters, without a table read: most of a text is the
     * inside of words. An occurrence that begins inside a word may still be reported, when a match under way
     * reaches it; the caller is the one to reject those.
     */
    void findOutsideWords(String text, HitConsumer consumer) {
        scan(text, consumer, true);
    }

    private void scan(String text, HitConsumer consumer, boolean outsideWords) {
        int row = 0; // the current state's row offset in asciiNext
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (outsideWords && row == 0 && i > 0 && NameDictionary.isLatinAlnum(c)
                    && Words.isAsciiLetter(text.charAt(i - 1))) {
                // At the root only a key that begins here could be started, and it would begin inside a word.
                continue;
            }
            if (c >= ASCII) {
                c = Character.toLowerCase(c); // a few fold to ASCII: the Kelvin sign to 'k'
            }
            boolean output;
            if (c < ASCII) {
                int next = asciiNext[row + asciiClass[c]];
                row = next & ~HAS_OUTPUT;
                output = next < 0;
            } else {
                int state = walk(row / classes, c, otherEdges);
                row = state * classes;
                output = outputCount[state] != 0;
            }
            if (output) {
                for (int k : outputs[row / classes]) {
                    consumer.accept(i + 1 - keyLengths[k], i + 1, k);
                }
            }
        }
    }

    private int stepBuilding(int[] full, int state, char c, Map<Long, Integer> edges) {
        if (c < ASCII) {
            return full[state * ASCII + c];
        }
        return walk(state, c, edges);
    }

    private int walk(int state, char c, Map<Long, Integer> edges) {
        if (!otherChars.get(c)) {
            return 0;
        }
        int s = state;
        while (true) {
            Integer t = edges.get(edgeKey(s, c));
            if (t != null) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    private static int child(List<int[]> asciiRows, Map<Long, Integer> edges, int state, char c) {
        if (c < ASCII) {
            return asciiRows.get(state)[c];
        }
        return edges.getOrDefault(edgeKey(state, c), -1);
    }

    private static long edgeKey(int state, char c) {
        return ((long) state << 16) | c;
    }

    private static int[] emptyRow() {
        int[] row = new int[ASCII];
        Arrays.fill(row, -1);
        return row;
    }
}
