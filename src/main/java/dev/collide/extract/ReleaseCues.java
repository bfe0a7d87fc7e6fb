package dev.collide.extract;

import java.util.Set;

/**
 * The English cue words of {@link ReleaseClassifier} (release, prediction, comparison; {@link Lexicon} gives each
 * token its bits from these lists) and their lookup in a span of a sentence's tokens: a release word used as an
 * adjective ("an open-source model") or "May" the month does not count. Thread-safe.
 */
final class ReleaseCues {
    /** "an upgrade to X", "the successor to X": X is the model the new one succeeds, not the one released. */
    static final Set<String> SUCCESSION_FRAMES = Vocabulary.of("upgrade", "successor", "follow-up", "followup",
            "sequel", "update", "heir", "answer");
    /** Openers of a subordinate clause: without a cue of its own it is background ("while everyone ..."). */
    static final Set<String> SUBORDINATORS = Vocabulary.of("while", "whereas", "although", "though", "because", "when",
            "as");

    static final Set<String> STRONG = Vocabulary.of("released", "releases", "release", "releasing", "launched",
            "launches", "launch", "launching", "open-sourced", "open-sources", "open-sourcing", "sourced",
            "unveiled", "unveils", "unveiling", "debuted", "debuts", "debut", "published", "publishes", "publishing",
            "shipped", "ships", "shipping", "ship", "dropped", "drops", "rolled", "rolls", "rollout", "unveil");
    static final Set<String> WEAK = Vocabulary.of("announced", "announces", "announcing", "introduced",
            "introduces", "introducing", "available", "arrived", "arrives", "live", "posted", "uploaded", "out",
            "unleashed", "presented", "presents", "present", "came", "opened", "introduce", "announce", "appeared",
            "appears");
    static final Set<String> PREDICTION = Vocabulary.of("expected", "expects", "expecting", "will", "would",
            "could", "might", "plans", "plan", "planned", "planning", "rumored", "rumoured", "rumor", "rumors",
            "rumour", "rumours", "reportedly", "upcoming", "forthcoming", "soon", "tipped", "leaked", "leak", "leaks",
            "hinted", "hints", "teased", "teases", "poised", "preparing", "prepares", "yet", "not", "never",
            "speculation", "speculated", "likely", "should", "aims", "intends", "delayed", "postponed", "wo",
            "hopes", "wants", "may");
    static final Set<String> COMPARISON = Vocabulary.of("than", "vs", "versus", "against", "beats", "beat",
            "beating", "outperforms", "outperformed", "outperforming", "rivals", "rival", "rivaling", "rivalling",
            "matches", "matching", "surpasses", "surpassed", "trails", "trailing", "behind", "like", "compared",
            "comparing", "comparison", "benchmark", "benchmarks", "benchmarked", "scores", "scored", "runs", "ran",
            "running", "run", "uses", "used", "using", "use", "powered", "built", "based", "fine-tuned", "finetuned",
            "distilled", "deploys", "deployed", "deploying", "adopt", "adopts", "adopted", "integrates",
            "integrated", "supports", "supported", "serving", "serves", "hosts", "hosted", "switched", "tested",
            "testing", "evaluated", "ranks", "ranked", "tops", "topped", "replaced", "replacing", "successor",
            "predecessor", "atop", "top", "over", "ahead", "above", "below", "dethroned", "leads", "led", "since",
            "building", "builds");

    private ReleaseCues() {
    }

    static boolean has(Words w, int from, int to, int mask) {
        for (int k = w.indexAt(from); k < w.size() && w.get(k).start() < to; k++) {
            int bits = w.get(k).bits() & mask;
            if (bits != 0) {
                if (w.text(k).equals("may") && isMonthUse(w, k)
                        || (bits & ~(Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) == 0 && isAdjectival(w, k)) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    /** Offset of the first token in {@code [from, to)} that {@link #has} would count, or -1. */
    static int first(Words w, int from, int to, int mask) {
        for (int k = w.indexAt(from); k < w.size() && w.get(k).start() < to; k++) {
            if (has(w, w.get(k).start(), w.get(k).end(), mask)) {
                return w.get(k).start();
            }
        }
        return -1;
    }

    static int nearestVerb(Words w, int from, int to, ModelName name) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = w.indexAt(from); k < w.size() && w.get(k).start() < to; k++) {
            if ((w.get(k).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0 && !isAdjectival(w, k)) {
                int d = Math.abs(w.get(k).start() - name.start());
                if (d < bestDistance) {
                    best = k;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static final Set<String> DETERMINERS = Vocabulary.of("a", "an", "the", "its", "their", "our", "his", "her",
            "first", "only", "largest", "latest", "most", "fully", "truly");

    /**
     * "the world's first open-source model", "an open-weight model": a release word used as an adjective after a
     * determiner says what kind of model it is, not that it was released.
     */
    static boolean isAdjectival(Words w, int k) {
        String t = w.text(k);
        String before = w.text(k - 1);
        if (t.equals("post") || t.equals("posts")) {
            // "in our blog post", "a post on X": the noun, not the verb "post the weights"
            return DETERMINERS.contains(before) || before.endsWith("'s") || NOUN_MODIFIERS.contains(before);
        }
        if (!t.startsWith("open-")) {
            return false;
        }
        return DETERMINERS.contains(before) || before.endsWith("'s");
    }

    /** Beside {@link #DETERMINERS}: words that make "post" a noun ("blog post", "this post"). */
    private static final Set<String> NOUN_MODIFIERS = Vocabulary.of("blog", "this", "that", "my", "your", "forum",
            "social", "linkedin", "reddit", "x", "weibo", "wechat", "recent", "previous");

    /** "in May", "May 5": the month, not the modal verb. */
    private static boolean isMonthUse(Words w, int k) {
        String before = w.text(k - 1);
        return before.equals("in") || before.equals("early") || before.equals("late") || before.equals("mid")
                || before.equals("since") || before.equals("of") || k + 1 < w.size() && w.get(k + 1).isNumber();
    }

    /** Words before "to" and a release verb that make the release a plan: "is set to launch", "racing to ship". */
    private static final Set<String> PLAN_BEFORE_TO = Vocabulary.of("set", "racing", "rushing", "scrambling", "due",
            "going", "about", "poised", "ready", "readying", "gearing", "looking", "working", "moving", "aiming",
            "hoping", "planning", "preparing", "expected", "likely", "slated", "scheduled", "tipped", "eager", "keen",
            "is", "are", "was", "were");

    /**
     * "is set to launch", "is racing to ship", "is due to be released", "is going to release": the infinitive of a
     * release verb after a word of intent or schedule is a plan, however the sentence goes on.
     */
    static boolean hasPlannedRelease(Words w, int from, int to) {
        for (int k = w.indexAt(from) + 1; k + 1 < w.size() && w.get(k).start() < to; k++) {
            if (w.text(k).equals("to") && PLAN_BEFORE_TO.contains(w.text(k - 1))) {
                int verb = w.text(k + 1).equals("be") ? k + 2 : k + 1;
                if (verb < w.size() && (w.get(verb).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "in the next two weeks", "within the coming days", "over the next month": a window ahead of the story. */
    static boolean hasFutureWindow(Words w, int from, int to) {
        for (int k = w.indexAt(from) + 2; k < w.size() && w.get(k).start() < to; k++) {
            String t = w.text(k);
            if ((t.equals("next") || t.equals("coming")) && w.text(k - 1).equals("the")) {
                String p = w.text(k - 2);
                if (p.equals("in") || p.equals("within") || p.equals("over")) {
                    return true;
                }
            }
        }
        return false;
    }
}
