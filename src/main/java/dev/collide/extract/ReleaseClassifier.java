package dev.collide.extract;

import dev.collide.source.ArticleKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a sentence reports a model being released (issue #3: released, launched, open-sourced,
 * unveiled...) or only mentions it (benchmarks, comparisons, adoption, predictions, rumours, "is expected to").
 * Works on the clause that holds the name: a prediction or negation in it wins; a comparison or adoption word
 * between the release verb and the name, or just before the name, makes it a mere mention. Thread-safe.
 */
final class ReleaseClassifier {
    /** The verdict and how sure we are of it, in [0, 1]. */
    record Verdict(boolean release, double confidence) {
    }

    static final Set<String> STRONG = Set.of("released", "releases", "release", "releasing", "launched",
            "launches", "launch", "launching", "open-sourced", "open-sources", "open-sourcing", "sourced",
            "unveiled", "unveils", "unveiling", "debuted", "debuts", "debut", "published", "publishes", "publishing",
            "shipped", "ships", "shipping", "ship", "dropped", "drops", "rolled", "rolls", "rollout", "unveil");
    static final Set<String> WEAK = Set.of("announced", "announces", "announcing", "introduced",
            "introduces", "introducing", "available", "arrived", "arrives", "live", "posted", "uploaded", "out",
            "unleashed", "presented", "presents", "present", "came", "opened", "introduce", "announce", "appeared",
            "appears");
    static final Set<String> PREDICTION = Set.of("expected", "expects", "expecting", "will", "would",
            "could", "might", "plans", "plan", "planned", "planning", "rumored", "rumoured", "rumor", "rumors",
            "rumour", "rumours", "reportedly", "upcoming", "forthcoming", "soon", "tipped", "leaked", "leak", "leaks",
            "hinted", "hints", "teased", "teases", "poised", "preparing", "prepares", "yet", "not", "never",
            "speculation", "speculated", "likely", "should", "aims", "intends", "delayed", "postponed", "wo",
            "hopes", "wants", "may");
    static final Set<String> COMPARISON = Set.of("than", "vs", "versus", "against", "beats", "beat",
            "beating", "outperforms", "outperformed", "outperforming", "rivals", "rival", "rivaling", "rivalling",
            "matches", "matching", "surpasses", "surpassed", "trails", "trailing", "behind", "like", "compared",
            "comparing", "comparison", "benchmark", "benchmarks", "benchmarked", "scores", "scored", "runs", "ran",
            "running", "run", "uses", "used", "using", "use", "powered", "built", "based", "fine-tuned", "finetuned",
            "distilled", "deploys", "deployed", "deploying", "adopt", "adopts", "adopted", "integrates",
            "integrated", "supports", "supported", "serving", "serves", "hosts", "hosted", "switched", "tested",
            "testing", "evaluated", "ranks", "ranked", "tops", "topped", "replaced", "replacing", "successor",
            "predecessor", "atop", "top", "over", "ahead", "above", "below", "dethroned", "leads", "led", "since",
            "building", "builds");
    private static final List<String> ZH_RELEASE = List.of("发布", "推出", "开源", "上线", "亮相", "问世", "首发", "公布",
            "發布", "發佈", "开放", "開源", "上線", "問世", "首發", "公佈", "正式介绍", "正式介紹", "释出", "釋出", "放出", "登场", "登場");
    private static final List<String> ZH_PREDICTION = List.of("预计", "将于", "将在", "即将", "有望", "计划", "传闻",
            "据传", "或将", "可能", "尚未", "没有发布", "未发布",
            "預計", "將於", "將在", "即將", "有望", "計劃", "傳聞", "據傳", "或將", "尚未", "沒有發布", "未發布", "推迟", "推遲", "延期",
            "停用", "淘汰", "下线", "下線");
    private static final List<String> ZH_COMPARISON = List.of("超越", "超过", "对比", "相比", "跑分", "评测", "基于",
            "使用", "接入", "部署", "媲美", "击败", "领先",
            "超過", "對比", "評測", "基於", "接入", "部署", "擊敗", "領先", "掰掰手腕", "比肩", "对标", "對標");
    private static final Set<String> SUFFIX_MENTION = Set.of("level", "class", "style", "like", "based", "powered",
            "sized", "grade", "scale", "tier", "esque", "compatible");

    Verdict classify(String text, Words w, Clauses clauses, int sentenceEnd, ModelName name, ArticleKind kind) {
        double bonus = kind == ArticleKind.NEWS ? 0 : 0.05;
        if (hasMentionSuffix(text, name.end(), sentenceEnd)) {
            return new Verdict(false, 0.85);
        }
        if (isFamilyMembership(w, name)) {
            return new Verdict(false, 0.8);
        }
        int c = clauses.indexOf(name.start());
        int from = clauses.start(c);
        int to = clauses.end(c, sentenceEnd);
        if (has(w, from, to, Lexicon.PREDICTION) || hasZh(text, from, to, ZH_PREDICTION)) {
            return new Verdict(false, 0.85);
        }
        Verdict v = classifyCue(text, w, clauses, c, from, to, sentenceEnd, name, bonus);
        // "launch in the next two weeks": looked for only once a release was read, it is rare and costs a scan
        return v.release() && hasFutureWindow(w, from, to) ? new Verdict(false, 0.85) : v;
    }

    private Verdict classifyCue(String text, Words w, Clauses clauses, int c, int from, int to, int sentenceEnd,
                                ModelName name, double bonus) {
        int nameToken = w.indexAt(name.start());
        // "GLM 5.1, which was released last month": the relative clause speaks of the name before it.
        if (c + 1 < clauses.count() && startsWithReleaseClause(w, clauses.start(c + 1),
                clauses.end(c + 1, sentenceEnd))) {
            return new Verdict(true, 0.75 + bonus);
        }
        if (releasedRightAfter(w, nameToken, to)) {
            // "close to the first DeepSeek-R9 model released in March": the participle speaks of the name
            return new Verdict(true, 0.75 + bonus);
        }
        // "an app built on a variant of o9": the frame stands up to five words before the name
        for (int k = Math.max(0, nameToken - 5); k < nameToken; k++) {
            if ((w.get(k).bits() & Lexicon.COMPARISON) != 0 && w.get(k).start() >= from) {
                return new Verdict(false, 0.8);
            }
        }
        int verb = nearestVerb(w, from, to, name);
        if (verb < 0 && hasPhrasalRelease(w, from, to)) {
            return new Verdict(true, 0.75 + bonus);
        }
        if (verb < 0) {
            if (hasZh(text, from, to, ZH_RELEASE)) {
                return hasZh(text, from, to, ZH_COMPARISON) ? new Verdict(false, 0.7) : new Verdict(true, 0.85 + bonus);
            }
            if (has(w, from, to, Lexicon.COMPARISON) || hasZh(text, from, to, ZH_COMPARISON)) {
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

    private static final Set<String> MAKE = Set.of("make", "makes", "made", "making", "went", "go", "goes", "gone");
    private static final Set<String> SUCCESSION = Set.of("followed", "came", "arrived", "appeared");

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

    private static final Set<String> MEMBERSHIP = Set.of("in", "within", "across", "from");
    private static final Set<String> LINES = Set.of("family", "series", "lineup", "line", "generation");

    /**
     * "the third release in the Claude 9 family", "the newest model from the Llama 9 series": the name says which
     * line another model belongs to; it is not the model released.
     */
    private static boolean isFamilyMembership(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        int after = w.indexAt(name.end());
        return k >= 2 && w.text(k - 1).equals("the") && MEMBERSHIP.contains(w.text(k - 2))
                && after < w.size() && LINES.contains(w.text(after));
    }

    /** A sentence that reports a release (a release cue, no plan or negation) without naming a model. */
    boolean isUnnamedRelease(String text, Words w, int from, int to) {
        if (hasZh(text, from, to, ZH_PREDICTION)) {
            return false;
        }
        if (hasZh(text, from, to, ZH_RELEASE)) {
            return true;
        }
        // A plan or a negation counts in the release verb's own clause: "they dropped it on a Saturday, because why
        // not shake things up" is a release; "it has not released the model" is not.
        Clauses clauses = Clauses.of(text, from, to, w);
        for (int c = 0; c < clauses.count(); c++) {
            int start = clauses.start(c);
            int end = clauses.end(c, to);
            if (has(w, start, end, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)
                    && !has(w, start, end, Lexicon.PREDICTION)) {
                return true;
            }
        }
        return false;
    }

    /** A sentence with no release, plan or comparison cue at all. */
    boolean isCueless(String text, Words w, int from, int to) {
        return !has(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE | Lexicon.PREDICTION
                | Lexicon.COMPARISON) && !hasZh(text, from, to, ZH_RELEASE) && !hasZh(text, from, to, ZH_PREDICTION)
                && !hasZh(text, from, to, ZH_COMPARISON);
    }

    /** {@code [from, to)} says the release is planned, rumoured, denied or undone. */
    boolean isPrediction(String text, Words w, int from, int to) {
        return has(w, from, to, Lexicon.PREDICTION) || hasZh(text, from, to, ZH_PREDICTION)
                || hasFutureWindow(w, from, to);
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
            if (has(w, from, to, Lexicon.PREDICTION) || hasZh(text, from, to, ZH_PREDICTION)
                    || hasZh(text, from, to, ZH_COMPARISON)) {
                return new Verdict(false, 0.7);
            }
            // a comparison counts before the release word, not after it ("released in September with vision
            // support" is a release; "beats GPT-9, which launched ..." is not one of the subject)
            int release = first(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE);
            int comparison = first(w, from, to, Lexicon.COMPARISON);
            if (comparison >= 0 && (release < 0 || comparison < release)) {
                return new Verdict(false, 0.7);
            }
            if (release >= 0 || hasZh(text, from, to, ZH_RELEASE) || hasPhrasalRelease(w, from, to)) {
                return new Verdict(true, 0.7 + bonus); // "its model, ERNIE 9, with the world by making it open source"
            }
        }
        return new Verdict(false, 0.7);
    }

    /** Offset of the first token in {@code [from, to)} that {@link #has} would count, or -1. */
    private static int first(Words w, int from, int to, int mask) {
        for (int k = w.indexAt(from); k < w.size() && w.get(k).start() < to; k++) {
            if (has(w, w.get(k).start(), w.get(k).end(), mask)) {
                return w.get(k).start();
            }
        }
        return -1;
    }

    /**
     * A clause with no cue of its own: a comma list takes the verb of the clause before ("released V3.2, R1"); an
     * apposition the predicate after it ("Two models, Yi-9B and Yi-90B, are now open-weight").
     */
    private Verdict inherited(String text, Words w, Clauses clauses, int c, int sentenceEnd, double bonus) {
        if (SUBORDINATORS.contains(w.text(w.indexAt(clauses.start(c))))) {
            // "while everyone was focused on DeepSeek and its R1 model, Mistral introduced ...": a subordinate
            // clause without a cue of its own is background, not a share of the main clause's release
            return new Verdict(false, 0.7);
        }
        boolean cueBefore = false;
        for (int p = c; p > 0 && p > c - 3 && clauses.startsWithComma(text, p); p--) {
            int from = clauses.start(p - 1);
            int to = clauses.end(p - 1, sentenceEnd);
            cueBefore |= has(w, from, to, Lexicon.PREDICTION | Lexicon.COMPARISON | Lexicon.STRONG_RELEASE
                    | Lexicon.WEAK_RELEASE) || hasZh(text, from, to, ZH_RELEASE);
        }
        if (!cueBefore && c + 1 < clauses.count()) {
            return fromMainClause(text, w, clauses, c + 1, sentenceEnd, bonus);
        }
        for (int p = c; p > 0 && p > c - 3 && clauses.startsWithComma(text, p); p--) {
            int from = clauses.start(p - 1);
            int to = clauses.end(p - 1, sentenceEnd);
            if (has(w, from, to, Lexicon.PREDICTION) || has(w, from, to, Lexicon.COMPARISON)) {
                return new Verdict(false, 0.7);
            }
            if (has(w, from, to, Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE) || hasZh(text, from, to, ZH_RELEASE)) {
                return new Verdict(true, 0.7 + bonus);
            }
        }
        return new Verdict(false, 0.7);
    }

    private static final Set<String> SUBORDINATORS = Set.of("while", "whereas", "although", "though", "because",
            "when", "as");

    private static final Set<String> HEAD_NOUNS = Set.of("model", "models", "series", "family", "llm", "weights",
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

    private static int nearestVerb(Words w, int from, int to, ModelName name) {
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

    private static boolean has(Words w, int from, int to, int mask) {
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

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "our", "his", "her",
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

    private static final Set<String> NOUN_MODIFIERS = Set.of("blog", "this", "that", "my", "your", "a", "an",
            "forum", "social", "linkedin", "reddit", "x", "weibo", "wechat", "recent", "latest", "previous");

    /** "in May", "May 5": the month, not the modal verb. */
    private static boolean isMonthUse(Words w, int k) {
        String before = w.text(k - 1);
        return before.equals("in") || before.equals("early") || before.equals("late") || before.equals("mid")
                || before.equals("since") || before.equals("of") || k + 1 < w.size() && w.get(k + 1).isNumber();
    }

    /** The Chinese cues of {@code [from, to)} as {@link Lexicon} bits (release, prediction, comparison). */
    int zhCues(String text, int from, int to) {
        return (hasZh(text, from, to, ZH_RELEASE) ? Lexicon.STRONG_RELEASE : 0)
                | (hasZh(text, from, to, ZH_PREDICTION) ? Lexicon.PREDICTION : 0)
                | (hasZh(text, from, to, ZH_COMPARISON) ? Lexicon.COMPARISON : 0);
    }

    /** Chinese has no word breaks: the cues are looked up as substrings, only in clauses with Han characters. */
    private static boolean hasZh(String text, int from, int to, List<String> cues) {
        boolean han = false;
        for (int i = from; i < to && !han; i++) {
            han = text.charAt(i) >= 0x4E00 && text.charAt(i) <= 0x9FFF;
        }
        if (!han) {
            return false;
        }
        String clause = text.substring(from, to);
        for (String cue : cues) {
            if (clause.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMentionSuffix(String text, int end, int limit) {
        if (end + 2 >= limit || text.charAt(end) != '-') {
            return false;
        }
        int e = end + 1;
        while (e < limit && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return SUFFIX_MENTION.contains(text.substring(end + 1, e).toLowerCase(Locale.ROOT));
    }
}
