package dev.collide.extract;

import java.util.Set;

/**
 * The words by which a sentence refers back to the models the sentence before named ("these models", "the two
 * models", "both", "they"), for the cross-sentence rules of {@link ArticleContext}. Thread-safe.
 */
final class Anaphora {
    static final Set<String> ANAPHOR_HEADS = Vocabulary.of("model", "models", "versions", "variants", "releases",
            "weights");
    private static final Set<String> ANAPHOR_DETERMINERS = Vocabulary.of("these", "those", "both", "two",
            "this", "new", "the");

    private Anaphora() {
    }

    /** A cheap look at the raw text: some word starts like "they", "both", "model", "versions", "weights". */
    static boolean mayHaveAnaphor(String text, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            char c = text.charAt(i);
            if ((c == 't' || c == 'T' || c == 'b' || c == 'B' || c == 'm' || c == 'v' || c == 'r' || c == 'w')
                    && (i == from || !Character.isLetter(text.charAt(i - 1)))
                    && (text.regionMatches(true, i, "they", 0, 4) || text.regionMatches(true, i, "both", 0, 4)
                    || text.regionMatches(i, "model", 0, Math.min(5, to - i))
                    || text.regionMatches(i, "version", 0, Math.min(7, to - i))
                    || text.regionMatches(i, "variant", 0, Math.min(7, to - i))
                    || text.regionMatches(i, "release", 0, Math.min(7, to - i))
                    || text.regionMatches(i, "weights", 0, Math.min(7, to - i)))) {
                return true;
            }
        }
        return false;
    }

    /** "these models", "the two models", "both", "they": the sentence refers back to models named before. */
    static boolean hasAnaphor(Words w) {
        for (int k = 0; k < w.size(); k++) {
            String t = w.text(k);
            if (t.equals("they") || t.equals("both") && !w.text(k + 1).equals("of")
                    || ANAPHOR_HEADS.contains(t) && k > 0 && ANAPHOR_DETERMINERS.contains(w.text(k - 1))) {
                return true;
            }
        }
        return false;
    }
}
