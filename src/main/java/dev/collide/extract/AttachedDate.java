package dev.collide.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A date written right after a name, the way lists, tables and catalogues give release dates (issue #12):
 * "Llama 9.1 70B (March 2031)", "Granite 9.2 (May 2031) — ...", "GLM-9.3 (launched 2031-06-02)",
 * "gemini-9.0-flash June 5, 2031 Retired June 2032", "gpt-9o | 2031-05-13 |". Such a date is the model's
 * release date unless the words between say it is another kind of date (a shutdown, a cut-off, a plan).
 */
final class AttachedDate {
    /** Characters a table cell or list may put between a name and its date. */
    private static final String GLUE = " \t|:—–-,;(";
    /** How far into a bracket the date may stand: "(small and large sizes, March 2031)". */
    private static final int MAX_BRACKET = 60;
    private static final Set<String> OTHER_DATES = Vocabulary.of("cutoff", "cut-off", "knowledge", "eol", "shutdown",
            "retirement", "retired", "retire", "retires", "deprecated", "deprecation", "deprecates", "sunset",
            "discontinued", "end", "until", "through", "trained", "training", "expected", "planned", "due", "coming",
            "earliest", "expires", "expiry", "updated", "update", "last", "since", "停用", "淘汰", "截止");

    /*
     * Words a retrospective or a catalogue puts between a model and its date: "in", "model in", "released on"
     * ("Claude Opus 9 released on March 3, 2031"). Read by {@link #isLinked} as the regex
     *   (?:(?:model|models|series|family)\s+)?(?:(?:was|were|is|first|officially)\s+)?
     *   (?:(?:released|launched|...|debuted)\s+)?(?:in|on)\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+)?
     * would match it whole, without a copy or a Matcher per name: the word lists are disjoint and each word
     * ends at a space, so the regex never backtracks into another choice.
     */
    private static final List<String> LINK_NOUNS = List.of("model", "models", "series", "family");
    private static final List<String> LINK_AUXILIARIES = List.of("was", "were", "is", "first", "officially");
    private static final List<String> LINK_VERBS = List.of("released", "launched", "unveiled", "introduced",
            "announced", "open-sourced", "published", "shipped", "debuted");
    private static final List<String> LINK_PREPOSITIONS = List.of("in", "on");
    private static final Set<String> LINK_TIMES = Vocabulary.of("early", "late", "mid");

    /** Whether {@code text[from, to)} is the linking words of the regex above, whole. */
    static boolean isLinked(String text, int from, int to) {
        int p = skipWord(text, from, to, LINK_NOUNS);
        p = skipWord(text, p, to, LINK_AUXILIARIES);
        p = skipWord(text, p, to, LINK_VERBS);
        int afterPreposition = skipWord(text, p, to, LINK_PREPOSITIONS);
        if (afterPreposition == p) {
            return false;
        }
        p = afterPreposition;
        if (p == to) {
            return true;
        }
        int q = p;
        while (q < to && !isRegexSpace(text.charAt(q)) && text.charAt(q) != '-') {
            q++;
        }
        if (LINK_TIMES.contains(text.substring(p, q))) {
            return q < to && isSpaceOrDashTo(text, q, to);
        }
        // "the end of": words apart by spaces
        p = skipLiteral(text, p, to, "the");
        p = p < 0 ? -1 : skipLiteral(text, p, to, "end");
        if (p < 0 || !text.startsWith("of", p) || p + 2 >= to) {
            return false;
        }
        return isSpaceOrDashTo(text, p + 2, to);
    }

    /** Past {@code word} and the spaces after it at {@code p} if the word is one of {@code words}; else p. */
    private static int skipWord(String text, int p, int to, List<String> words) {
        int q = p;
        while (q < to && !isRegexSpace(text.charAt(q))) {
            q++;
        }
        if (q == p || q == to || !isOneOf(text, p, q, words)) {
            return p;
        }
        while (q < to && isRegexSpace(text.charAt(q))) {
            q++;
        }
        return q;
    }

    /** Whether {@code text[from, to)} is one of the few {@code words}: compared in place, without a copy. */
    private static boolean isOneOf(String text, int from, int to, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() == to - from && text.startsWith(w, from)) {
                return true;
            }
        }
        return false;
    }

    /** Past {@code word} and at least one space after it at {@code p}, or -1. */
    private static int skipLiteral(String text, int p, int to, String word) {
        int q = p + word.length();
        if (q >= to || !text.startsWith(word, p) || !isRegexSpace(text.charAt(q))) {
            return -1;
        }
        while (q < to && isRegexSpace(text.charAt(q))) {
            q++;
        }
        return q;
    }

    private static boolean isSpaceOrDashTo(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isRegexSpace(text.charAt(k)) && text.charAt(k) != '-') {
                return false;
            }
        }
        return true;
    }

    /** What a regex's \s matches: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean onlyGlue(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (GLUE.indexOf(text.charAt(k)) < 0 || text.charAt(k) == '(') {
                return false;
            }
        }
        return true;
    }

    private AttachedDate() {
    }

    static Optional<ReleaseDate> find(String text, ModelName name, List<ModelName> all, List<DateSpan> spans) {
        return find(text, name, all, spans, true);
    }

    /** {@code linked}: words may stand between ("released on"); else only a table's or list's punctuation. */
    static Optional<ReleaseDate> find(String text, ModelName name, List<ModelName> all, List<DateSpan> spans,
                                      boolean linked) {
        DateSpan next = null;
        for (DateSpan s : spans) {
            if (s.start() >= name.end()) {
                next = s;
                break;
            }
        }
        if (next == null) {
            return Optional.empty();
        }
        for (ModelName other : all) {
            if (other != name && other.start() >= name.end() && other.start() < next.start()) {
                return Optional.empty(); // the date belongs to the nearer name
            }
        }
        int i = name.end();
        while (i < next.start() && GLUE.indexOf(text.charAt(i)) >= 0 && text.charAt(i) != '(') {
            i++;
        }
        if (i == next.start()) {
            // a cell holds a written date; "GLM-9.5, today." is the sentence's adverb, not a row
            return NameTokens.hasDigit(text, next.start(), next.end()) ? Optional.of(next.date()) : Optional.empty();
        }
        if (linked && isLinked(text, i, next.start())) {
            return Optional.of(next.date()); // "Gemini 9.0 in March 2031", "its V9 model in March"
        }
        if (text.charAt(i) != '(' || next.start() - i > MAX_BRACKET) {
            return Optional.empty();
        }
        int close = text.indexOf(')', i);
        if (close > 0 && close < next.start() && onlyGlue(text, close + 1, next.start())) {
            return Optional.of(next.date()); // "Doubao 9.0 (Pro / Mini)2031-05": a table cell after it
        }
        String inside = text.substring(i + 1, next.start());
        if (inside.indexOf(')') >= 0) {
            return Optional.empty();
        }
        for (String word : inside.toLowerCase(Locale.ROOT).split("[^\\p{L}\\-]+")) {
            if (OTHER_DATES.contains(word)) {
                return Optional.empty();
            }
        }
        return Optional.of(next.date());
    }
}
