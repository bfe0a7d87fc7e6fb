package dev.collide.extract;

import static dev.collide.extract.ChineseCues.ZH_COMPARISON;
import static dev.collide.extract.ChineseCues.ZH_PREDICTION;
import static dev.collide.extract.ChineseCues.ZH_RELEASE;
import static dev.collide.extract.ChineseCues.hasZh;
import static dev.collide.extract.ReleaseCues.COMPARISON;
import static dev.collide.extract.ReleaseCues.PREDICTION;
import static dev.collide.extract.ReleaseCues.STRONG;
import static dev.collide.extract.ReleaseCues.WEAK;
import static dev.collide.extract.ReleaseCues.first;
import static dev.collide.extract.ReleaseCues.has;
import static dev.collide.extract.ReleaseCues.hasFutureWindow;
import static dev.collide.extract.ReleaseCues.nearestVerb;

import dev.collide.source.ArticleKind;
import java.util.Set;

/**
 * Decides whether a sentence reports a model being released (issue #3: released, launched, open-sourced,
 * unveiled...) or only mentions it (benchmarks, comparisons, adoption, predictions, rumours, "is expected to").
 * Works on the clause that holds the name: a prediction or negation in it wins; a comparison or adoption word
 * between the release verb and the name, or just before the name, makes it a mere mention. The cue words are
 * {@link ReleaseCues} and {@link ChineseCues}. Thread-safe.
 */
final class ReleaseClassifier {
    /** The verdict and how sure we are of it, in [0, 1]. */
    record Verdict(boolean release, double confidence) {
    }

    Verdict classify(String text, Words w, Clauses clauses, int sentenceEnd, ModelName name, ArticleKind kind) {
        double bonus = kind == ArticleKind.NEWS ? 0 : 0.05;
        if (NameShapes.hasMentionSuffix(text, name.end(), sentenceEnd)) {
            return new Verdict(false, 0.85);
        }
        if (NameShapes.isFamilyMembership(w, name)) {
            return new Verdict(false, 0.8);
        }
        int c = clauses.indexOf(name.start());
        int from = clauses.start(c);
        int to = clauses.end(c, sentenceEnd);
        if (has(w, from, to, Lexicon.PREDICTION) || hasZh(w, text, from, to, ZH_PREDICTION)) {
            return new Verdict(false, 0.85);
        }
        Verdict v = classifyCue(text, w, clauses, c, from, to, sentenceEnd, name, bonus);
        // "launch in the next two weeks", "is set to launch": looked for only once a release was read, they are
        // rare and cost a scan
        return v.release() && (hasFutureWindow(w, from, to) || ReleaseCues.hasPlannedRelease(w, from, to))
                ? new Verdict(false, 0.85) : v;
    }

    private Verdict classifyCue(String text, Words w, Clauses clauses, int c, int from, int to, int sentenceEnd,
                                ModelName name, double bonus) {
        int nameToken = w.indexAt(name.start());
        // "GLM 5.1, which was released last month": the relative clause speaks of the name right before it (not of
        // "R9" in "R9 rivals OpenAI's o9, released last year")
        if (c + 1 < clauses.count() && w.indexAt(clauses.start(c + 1)) - w.indexAt(name.end()) <= 3
                && startsWithReleaseClause(w, clauses.start(c + 1), clauses.end(c + 1, sentenceEnd))) {
            return new Verdict(true, 0.75 + bonus);
        }
        if (releasedRightAfter(w, nameToken, to) || LaunchFrames.isPresented(w, name)
                || LaunchFrames.isUpgradeTarget(w, name) || LaunchFrames.isUpdated(w, name)) {
            // "close to the first DeepSeek-R9 model released in March": the participle speaks of the name;
            // "Meet Kimi K9", "Say hello to GPT-9", "Llama 9 is here": a launch presents its model; "upgraded to
            // R9-0528", "received an update": the new checkpoint ships
            return new Verdict(true, 0.75 + bonus);
        }
        // "an app built on a variant of o9": the frame stands up to five words before the name
        for (int k = Math.max(0, nameToken - 5); k < nameToken; k++) {
            if ((w.get(k).bits() & Lexicon.COMPARISON) != 0 && w.get(k).start() >= from) {
                return new Verdict(false, 0.8);
            }
            // "Claude Opus 9.1, an upgrade to Claude Opus 9": the model the new one succeeds
            if (ReleaseCues.SUCCESSION_FRAMES.contains(w.text(k)) && w.text(k + 1).equals("to") && k + 1 < nameToken
                    && w.get(k).start() >= from) {
                return new Verdict(false, 0.8);
            }
        }
        int verb = nearestVerb(w, from, to, name);
        if (verb < 0 && hasPhrasalRelease(w, from, to)) {
            return new Verdict(true, 0.75 + bonus);
        }
        if (verb < 0) {
            if (hasZh(w, text, from, to, ZH_RELEASE)) {
                return hasZh(w, text, from, to, ZH_COMPARISON) ? new Verdict(false, 0.7) : new Verdict(true, 0.85 + bonus);
            }
            if (has(w, from, to, Lexicon.COMPARISON) || hasZh(w, text, from, to, ZH_COMPARISON)) {
                return new Verdict(false, 0.8);
            }
            return c == 0 ? fromMainClause(text, w, clauses, 1, sentenceEnd, bonus)
                    : inherited(text, w, clauses, c, sentenceEnd, bonus);
        }
        int lo = Math.min(verb, nameToken);
        int hi = Math.max(verb, nameToken);
        for (int k = lo + 1; k < hi; k++) {
            if ((w.get(k).bits() & Lexicon.COMPARISON) != 0) {
                return new Verdict(false, 0.75);
            }
        }
        return new Verdict(true, ((w.get(verb).bits() & Lexicon.STRONG_RELEASE) != 0 ? 0.9 : 0.75) + bonus);
    }

    private static final Set<String> MAKE = Vocabulary.of("make", "makes", "made", "making", "went", "go", "goes",
            "gone");
    private static final Set<String> SUCCESSION = Vocabulary.of("followed", "came", "arrived", "appeared");

    /**
     * Releases said with a phrase rather than a verb: "making it open source", "went open-weight", and a chained
     * succession, "X followed four weeks later", "came a day after".
     */
    private static boolean hasPhrasalRelease(Words w, int from, int to) {
        int first = w.indexAt(from);
        for (int k = first; k < w.size() && w.get(k).start() < to; k++) {
            String t = w.text(k);
            if (t.equals("open") && (w.text(k + 1).equals("source") || w.text(k + 1).equals("weights"))
                    || t.equals("open-source") || t.equals("open-weight") || t.equals("open-weights")) {
                for (int j = k - 1; j >= first && j >= k - 3; j--) {
                    if (MAKE.contains(w.text(j))) {
                        return true;
                    }
                }
            }
            if (SUCCESSION.contains(t) && !w.text(k + 1).equals("by")) {
                for (int j = k + 1; j < w.size() && j <= k + 5 && w.get(j).start() < to; j++) {
                    if (w.text(j).equals("later") || w.text(j).equals("after")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A sentence that reports a release (a release cue, no plan or negation) without naming a model. */
    boolean isUnnamedRelease(String text, Words w, int from, int to) {
        if (hasZh(w, text, from, to, ZH_PREDICTION)) {
            return false;
        }
        if (hasZh(w, text, from, to, ZH_RELEASE)) {
            return true;
        }
        // A plan or a negation counts in the release verb's own clause: "they dropped it on a Saturday, because why
        // not shake things up" is a release; "it has not released the model" is not.
        Clauses clauses = Clauses.of(text, from, to, w);
        for (int c = 0; c < clauses.count(); c++) {
            int start = clauses.start(c);
            int end = clauses.end(c, to);
            if (has(w, start, end, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)
                    && !has(w, start, end, Lexicon.PREDICTION) && !ReleaseCues.hasPlannedRelease(w, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** A sentence with no release, plan or comparison cue at all. */
    boolean isCueless(String text, Words w, int from, int to) {
        return !has(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE | Lexicon.PREDICTION
                | Lexicon.COMPARISON) && !hasZh(w, text, from, to, ZH_RELEASE) && !hasZh(w, text, from, to, ZH_PREDICTION)
                && !hasZh(w, text, from, to, ZH_COMPARISON);
    }

    /** {@code [from, to)} says the release is planned, rumoured, denied or undone. */
    boolean isPrediction(String text, Words w, int from, int to) {
        return has(w, from, to, Lexicon.PREDICTION) || hasZh(w, text, from, to, ZH_PREDICTION)
                || hasFutureWindow(w, from, to) || ReleaseCues.hasPlannedRelease(w, from, to);
    }

    /** The name's clause says the release is planned, rumoured, denied or undone. */
    boolean isPrediction(String text, Words w, Clauses clauses, int sentenceEnd, ModelName name) {
        int c = clauses.indexOf(name.start());
        return isPrediction(text, w, clauses.start(c), clauses.end(c, sentenceEnd));
    }

    /** The subject of the sentence ("DeepSeek V4 Lite, a distilled model, became available"): the first cue decides. */
    private Verdict fromMainClause(String text, Words w, Clauses clauses, int firstClause, int sentenceEnd,
                                   double bonus) {
        for (int c = firstClause; c < clauses.count(); c++) {
            int from = clauses.start(c);
            int to = clauses.end(c, sentenceEnd);
            String first = w.text(w.indexAt(from) + (w.get(w.indexAt(from)).isWord() ? 0 : 1));
            if (clauses.startsWithComma(text, c) && (first.equals("a") || first.equals("an") || first.equals("the")
                    || first.equals("its"))) {
                continue; // an apposition ("V4 Lite, a distilled version, ...") says what it is, not what happened
            }
            if (has(w, from, to, Lexicon.PREDICTION) || hasZh(w, text, from, to, ZH_PREDICTION)
                    || hasZh(w, text, from, to, ZH_COMPARISON) || ReleaseCues.hasPlannedRelease(w, from, to)) {
                return new Verdict(false, 0.7);
            }
            // a comparison counts before the release word, not after it ("released in September with vision
            // support" is a release; "beats GPT-9, which launched ..." is not one of the subject)
            int release = first(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE);
            int comparison = first(w, from, to, Lexicon.COMPARISON);
            if (comparison >= 0 && (release < 0 || comparison < release)) {
                return new Verdict(false, 0.7);
            }
            if (release >= 0 || hasZh(w, text, from, to, ZH_RELEASE) || hasPhrasalRelease(w, from, to)) {
                return new Verdict(true, 0.7 + bonus); // "its model, ERNIE 9, with the world by making it open source"
            }
        }
        return new Verdict(false, 0.7);
    }

    /**
     * A clause with no cue of its own: a comma list takes the verb of the clause before ("released V3.2, R1"); an
     * apposition the predicate after it ("Two models, Yi-9B and Yi-90B, are now open-weight").
     */
    private Verdict inherited(String text, Words w, Clauses clauses, int c, int sentenceEnd, double bonus) {
        int opener = w.indexAt(clauses.start(c));
        if (w.text(opener).equals("as") && w.text(opener + 1).equals("well") && w.text(opener + 2).equals("as")) {
            // "DeepSeek released V9 on March 3, as well as R9": a list member, with the verb of the clause before
            return fromClausesBefore(text, w, clauses, c, sentenceEnd, bonus, false);
        }
        if (ReleaseCues.SUBORDINATORS.contains(w.text(opener))) {
            // "while everyone was focused on DeepSeek and its R1 model, Mistral introduced ...": a subordinate
            // clause without a cue of its own is background, not a share of the main clause's release
            return new Verdict(false, 0.7);
        }
        boolean cueBefore = false;
        for (int p = c; p > 0 && p > c - 3 && clauses.startsWithComma(text, p); p--) {
            int from = clauses.start(p - 1);
            int to = clauses.end(p - 1, sentenceEnd);
            cueBefore |= has(w, from, to, Lexicon.PREDICTION | Lexicon.COMPARISON | Lexicon.STRONG_RELEASE
                    | Lexicon.WEAK_RELEASE) || hasZh(w, text, from, to, ZH_RELEASE);
        }
        if (!cueBefore && c + 1 < clauses.count()) {
            return fromMainClause(text, w, clauses, c + 1, sentenceEnd, bonus);
        }
        return fromClausesBefore(text, w, clauses, c, sentenceEnd, bonus, true);
    }

    /**
     * The verdict of the nearest of the three clauses before clause {@code c} that has a cue; {@code commaChain}:
     * only through clauses that start with a comma (a list or an apposition).
     */
    private static Verdict fromClausesBefore(String text, Words w, Clauses clauses, int c, int sentenceEnd,
                                             double bonus, boolean commaChain) {
        for (int p = c; p > 0 && p > c - 3 && (!commaChain || clauses.startsWithComma(text, p)); p--) {
            int from = clauses.start(p - 1);
            int to = clauses.end(p - 1, sentenceEnd);
            if (has(w, from, to, Lexicon.PREDICTION | Lexicon.COMPARISON) || ReleaseCues.hasPlannedRelease(w, from, to)) {
                return new Verdict(false, 0.7);
            }
            if (has(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE) || hasZh(w, text, from, to, ZH_RELEASE)) {
                return new Verdict(true, 0.7 + bonus);
            }
        }
        return new Verdict(false, 0.7);
    }

    private static final Set<String> HEAD_NOUNS = Vocabulary.of("model", "models", "series", "family", "llm", "weights",
            "which", "that", "was", "were", "is", "has", "been", "first", "officially", "quietly", "publicly",
            // "the V9 preview the company shipped in April": an object relative clause with its own subject
            "preview", "version", "the", "company", "lab", "firm", "startup", "team", "it", "they", "we");

    /** The name, at most three head words ("model", "which was"), then a release participle ("released"). */
    private static boolean releasedRightAfter(Words w, int nameToken, int clauseEnd) {
        int k = nameToken + 1;
        int skipped = 0;
        while (k < w.size() && w.get(k).start() < clauseEnd && skipped <= 3) {
            Words.Token t = w.get(k);
            if (!t.isWord()) {
                k++;
                continue;
            }
            String s = t.text();
            if ((t.bits() & Lexicon.STRONG_RELEASE) != 0 && (s.endsWith("ed") || s.equals("open-sourced"))) {
                return true;
            }
            if (!HEAD_NOUNS.contains(s)) {
                return false;
            }
            skipped++;
            k++;
        }
        return false;
    }

    /** ", released in February," or "which was released last month", right after the name's clause. */
    private static boolean startsWithReleaseClause(Words w, int from, int to) {
        int k = w.indexAt(from);
        int seen = 0;
        String first = null;
        while (k < w.size() && w.get(k).start() < to && seen < 4) {
            String t = w.text(k);
            if (w.get(k).isWord()) {
                if (STRONG.contains(t) || WEAK.contains(t) && !t.equals("out")) {
                    return seen == 0 || (first.equals("which") || first.equals("that")) && seen <= 2;
                }
                if (PREDICTION.contains(t) || COMPARISON.contains(t)) {
                    return false;
                }
                first = first == null ? t : first;
                seen++;
            }
            k++;
        }
        return false;
    }
}
