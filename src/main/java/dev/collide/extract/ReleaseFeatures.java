package dev.collide.extract;

import dev.collide.source.ArticleKind;

/**
 * The features the learned release model ({@link ReleaseModel}) reads for one name in one sentence (issue #12 item
 * 2): the rule classifier's verdict, the stems of the words of the name's clause and of the three words either side
 * of the name, which cue kinds (release, plan, comparison) the clause and the rest of the sentence hold, whether the
 * name opens the sentence, whether a date is stated, the article's kind and the Chinese cues. Words are hashed into
 * {@link #DIMENSION} slots (no vocabulary to ship, no allocation beyond the stems); a collision merely shares a weight.
 */
final class ReleaseFeatures {
    static final int BITS = 16;
    static final int DIMENSION = 1 << BITS;
    /** Upper bound of the features of one name: a 500-character sentence has well under 200 words. */
    static final int MAX = 256;

    private static final int BIAS = 0;
    private static final int RULE = 1;
    private static final int CLAUSE_WORD = 2;
    private static final int BEFORE = 3;
    private static final int AFTER = 4;
    private static final int CLAUSE_CUE = 5;
    private static final int SENTENCE_CUE = 6;
    private static final int SHAPE = 7;
    private static final int VERB_PAIR = 8;

    private static final String[] CUES = {"release", "weak", "plan", "compare"};
    private static final int[] CUE_BITS = {Lexicon.STRONG_RELEASE, Lexicon.WEAK_RELEASE, Lexicon.PREDICTION,
            Lexicon.COMPARISON};

    private ReleaseFeatures() {
    }

    /** What the rules and the date reader said of the name, read with the sentence. */
    record Context(boolean ruleRelease, double ruleConfidence, boolean dateStated, boolean inTitle,
                   ArticleKind kind, boolean zhRelease, boolean zhPlan, boolean zhCompare) {
    }

    /** Writes the feature indices of {@code name} into {@code out}; returns how many (duplicates allowed). */
    static int of(Words w, Clauses clauses, int sentenceEnd, ModelName name, Context c, int[] out) {
        int n = 0;
        out[n++] = index(BIAS, "");
        out[n++] = index(RULE, c.ruleRelease() ? "yes" : "no");
        out[n++] = index(RULE, "confidence" + (int) Math.round(c.ruleConfidence() * 10) + (c.ruleRelease() ? "y" : "n"));
        out[n++] = index(SHAPE, "kind-" + c.kind().name());
        if (c.inTitle()) {
            out[n++] = index(SHAPE, "title");
        }
        out[n++] = index(SHAPE, c.dateStated() ? "dated" : "undated");
        if (c.zhRelease()) {
            out[n++] = index(CLAUSE_CUE, "zh-release");
        }
        if (c.zhPlan()) {
            out[n++] = index(CLAUSE_CUE, "zh-plan");
        }
        if (c.zhCompare()) {
            out[n++] = index(CLAUSE_CUE, "zh-compare");
        }
        int nameToken = w.indexAt(name.start());
        int nameEnd = w.indexAt(name.end());
        if (nameToken <= 2) {
            out[n++] = index(SHAPE, "opens-sentence");
        }
        int clause = clauses.indexOf(name.start());
        int from = clauses.start(clause);
        int to = clauses.end(clause, sentenceEnd);
        int clauseCues = 0;
        int sentenceCues = 0;
        String nearestCue = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (int k = 0; k < w.size() && n < MAX - 12; k++) {
            Words.Token t = w.get(k);
            boolean inClause = t.start() >= from && t.start() < to;
            boolean inName = t.start() >= name.start() && t.start() < name.end();
            if (inName) {
                continue;
            }
            if (inClause) {
                clauseCues |= t.bits();
            } else {
                sentenceCues |= t.bits();
            }
            if (!t.isWord()) {
                continue;
            }
            String stem = stem(t.text());
            if (inClause) {
                out[n++] = index(CLAUSE_WORD, stem);
            }
            if (k < nameToken && k >= nameToken - 3) {
                out[n++] = index(BEFORE, stem);
            } else if (k >= nameEnd && k < nameEnd + 3) {
                out[n++] = index(AFTER, stem);
            }
            if (inClause && (t.bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0) {
                int d = Math.abs(k - nameToken);
                if (d < nearestDistance) {
                    nearestDistance = d;
                    nearestCue = (k < nameToken ? "before-" : "after-") + stem;
                }
            }
        }
        for (int b = 0; b < CUES.length; b++) {
            if ((clauseCues & CUE_BITS[b]) != 0) {
                out[n++] = index(CLAUSE_CUE, CUES[b]);
            }
            if ((sentenceCues & CUE_BITS[b]) != 0) {
                out[n++] = index(SENTENCE_CUE, CUES[b]);
            }
        }
        if (nearestCue != null) {
            out[n++] = index(VERB_PAIR, nearestCue);
            out[n++] = index(VERB_PAIR, nearestDistance <= 3 ? "near" : "far");
        }
        return n;
    }

    /** A crude stem, so that "released", "releases" and "releasing" share a weight. */
    static String stem(String word) {
        int n = word.length();
        String s = word;
        if (n > 5 && word.endsWith("ing")) {
            s = word.substring(0, n - 3);
        } else if (n > 4 && word.endsWith("ed")) {
            s = word.substring(0, n - 2);
        } else if (n > 4 && word.endsWith("es")) {
            s = word.substring(0, n - 2);
        } else if (n > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            s = word.substring(0, n - 1);
        }
        return s.length() > 3 && s.endsWith("e") ? s.substring(0, s.length() - 1) : s;
    }

    static int index(int slot, String feature) {
        int h = feature.hashCode() * 0x9E3779B1 + slot * 0x85EBCA6B;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h & (DIMENSION - 1);
    }
}
