package dev.collide.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a name's shape and its place in the sentence say about it, for {@link DictionaryExtractor}: a company or
 * product rather than a model, a company prefix, an API id, a member of a list or a table, a name nobody listed, a
 * title that is only names. Thread-safe.
 */
final class NameShapes {
    private NameShapes() {
    }

    /** "MiniMax-AI", "Qwen Chat", "Kimi App", "ChatGPT Plus": the company, its chat product, app or plan. */
    static boolean isGeneric(ModelName name) {
        String id = name.modelId();
        // Both shapes end in '-' and one of the words below: most ids are ruled out without the regex.
        return GENERIC_LAST_WORDS.contains(id.substring(id.lastIndexOf('-') + 1)) && GENERIC.matcher(id).matches();
    }

    private static final Set<String> GENERIC_LAST_WORDS = Vocabulary.of("ai", "lab", "labs", "team", "research", "chat",
            "app", "api", "platform", "cloud", "studio", "agent", "index", "bot", "hub", "lm", "plus", "pro",
            "enterprise", "free", "edu", "go", "business");

    private static final Pattern GENERIC = Pattern.compile(
            "[\\p{L}.]+-(ai|labs?|team|research|chat|app|api|platform|cloud|studio|agent|index|bot|hub|lm)"
                    // "ChatGPT Plus subscribers": a chat product's subscription plan, not a model
                    + "|[a-z]*chat[a-z]*-(plus|pro|team|enterprise|free|edu|go|business)");

    /** A brand followed, after at most one space or '-', by another brand or model name of the same lab. */
    static boolean isCompanyPrefix(String text, NameHit hit, NameHit next) {
        if (next == null || hit.kind() == NameHit.Kind.MODEL || next.kind() == NameHit.Kind.ALIAS
                || !next.lab().equals(hit.lab()) || next.start() - hit.end() > 1) {
            return false;
        }
        char between = next.start() == hit.end() ? ' ' : text.charAt(hit.end());
        return between == ' ' || between == '-';
    }

    static boolean isAliasHit(List<NameHit> hits, String lab) {
        for (NameHit h : hits) {
            if (h.kind() == NameHit.Kind.ALIAS && h.lab().equals(lab)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> HEADLINE_WORDS = Vocabulary.of("release", "released", "launch",
            "launched", "introducing", "announcing", "meet", "is", "are", "here", "now", "available", "new", "the",
            "model", "models", "open-source", "open-sourced", "open", "weights", "and", "&", "-", "—", "|", ":");

    /**
     * The title is one or more model names of a known brand and nothing but headline words ("GLM-9-Turbo",
     * "Introducing Kimi K9.6", "MiniMax-M9.1 is here"): not "How to set up GLM-9.6 in an editor".
     */
    static boolean isNameOnlyTitle(String title, NameDictionary dictionary) {
        if (title.isBlank() || title.length() > 80) {
            return false;
        }
        List<NameHit> hits = dictionary.find(title);
        if (hits.isEmpty()) {
            return false;
        }
        var token = Pattern.compile("\\S+").matcher(title);
        while (token.find()) {
            String t = token.group().toLowerCase(Locale.ROOT).replaceAll("[!.,:;]+$", "");
            int start = token.start();
            int end = token.end();
            boolean nameLike = t.chars().anyMatch(Character::isDigit) || t.contains("-")
                    || hits.stream().anyMatch(h -> h.start() < end && h.end() > start);
            if (!t.isEmpty() && !nameLike && !HEADLINE_WORDS.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** A capitalised word, then a version or size, then capitalised variants: "QvQ-72B-Preview", "Foo-3.5-Pro". */
    private static final Pattern UNLISTED_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9.-])[A-Z][A-Za-z]{1,11}-[0-9]+(?:\\.[0-9]+)?[BbMmKk]?(?:-[A-Z][A-Za-z0-9]*){0,3}"
                    + "(?![A-Za-z0-9-])");

    /**
     * Names nobody listed, in a lab's own post (issue #12 item 5): a model-shaped token ("QvQ-72B-Preview") is a
     * name of the post's lab; the caller keeps it only as the object of a release verb.
     */
    static void unlistedNames(String text, int from, int to, String lab, List<int[]> taken,
                                      List<ModelName> out) {
        boolean shaped = false;
        for (int i = from + 1; i + 1 < to && !shaped; i++) {
            shaped = text.charAt(i) == '-' && Character.isLetter(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1));
        }
        if (!shaped) {
            return; // no "Word-9" in the sentence: the pattern is not run
        }
        var m = UNLISTED_SHAPE.matcher(text).region(from, to);
        while (m.find()) {
            boolean free = true;
            for (int[] span : taken) {
                free &= m.end() <= span[0] || m.start() >= span[1];
            }
            if (free) {
                String id = m.group().toLowerCase(Locale.ROOT);
                out.add(new ModelName(lab, id, m.group(), id, m.start(), m.end()));
            }
        }
    }

    private static final Set<String> OBJECT_FILLERS = Vocabulary.of("the", "its", "their", "our",
            "a", "an", "first", "new", "called", "named", "dubbed", "of", "open", "source", "open-source", "language",
            "model", "models", "large", "small", "weights", "version", "family", "officially", "also");

    /**
     * A brand read as a model by itself ("we released OLMoE", "the release of the first OLMo", "a model called
     * 'OpenELM'", "OpenELM is released"): only as the object of a release word a few filler words before it, or
     * as the subject of a passive release right after it.
     */
    static boolean isReleaseObject(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        for (int j = k - 1, seen = 0; j >= 0 && seen < 7; j--) {
            Words.Token t = w.get(j);
            if (!t.isWord()) {
                if (t.isNumber() || t.text().equals(",") || t.text().equals(".")) {
                    break;
                }
                continue;
            }
            if ((t.bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0
                    && !ReleaseCues.isAdjectival(w, j)) {
                return true;
            }
            if (!OBJECT_FILLERS.contains(t.text())) {
                break;
            }
            seen++;
        }
        int after = w.indexAt(name.end());
        String v = w.text(after);
        if (v.equals("is") || v.equals("was") || v.equals("has") || v.equals("have")) {
            int p = after + (w.text(after + 1).equals("been") ? 2 : 1);
            return (w.get(Math.min(p, w.size() - 1)).bits() & Lexicon.STRONG_RELEASE) != 0
                    && w.text(p).endsWith("ed");
        }
        return false;
    }

    private static final Set<String> NAMING_WORDS = Vocabulary.of("called", "named", "dubbed",
            "codenamed", "christened");

    /** "called Tulu 9 405B", "named Magistral": the text gives the name of a model it spoke of. */
    static boolean isNamedAs(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        return k > 0 && NAMING_WORDS.contains(w.text(k - 1))
                || k > 1 && NAMING_WORDS.contains(w.text(k - 2)) && w.text(k - 1).equals("\"");
    }

    /**
     * A lower-case API id ending in a date code ("claude-x-9-20310929", "magistral-medium-3109") in a sentence that
     * also names a model of the same lab in prose: the id is an alias, the prose name the release.
     */
    static boolean isApiIdOfAnotherName(ModelName name, List<ModelName> found) {
        String d = name.display();
        int dash = d.lastIndexOf('-');
        if (dash < 0 || !d.equals(d.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int digits = NameTokens.digitsAt(d, dash + 1);
        if (dash + 1 + digits != d.length() || digits != 4 && digits != 8) {
            return false;
        }
        for (ModelName other : found) {
            if (other != name && other.lab().equals(name.lab())
                    && !other.display().equals(other.display().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only a list separator (",", "and", ", and", "or", "as well as", "along with", "、", "和", "/") lies between two names, after a bracket
     * that may follow the first ("A (two sizes) and B").
     */
    static boolean isListSeparator(String text, int from, int to) {
        int f = from;
        while (f < to && text.charAt(f) == ' ') {
            f++;
        }
        if (f < to && (text.charAt(f) == '(' || text.charAt(f) == '（')) {
            int close = f + 1;
            while (close < to && text.charAt(close) != ')' && text.charAt(close) != '）') {
                close++;
            }
            f = close + 1;
        }
        if (to - f > 13 || to < f) {
            return false;
        }
        String between = text.substring(f, to).strip();
        return switch (between) {
            case ",", "and", ", and", "or", ", or", "、", "和", "/", "与", "及", "，", "as well as", ", as well as",
                 "along with", ", along with" -> true;
            default -> false;
        };
    }

    /**
     * The name's clause has, before the name, lab names that are all of other labs: the subject is another company
     * making the model available ("Microsoft now offers DeepSeek R9", "AWS adds Llama 9 to its catalogue").
     */
    static boolean isThirdParty(List<NameHit> hits, ModelName name, Clauses clauses) {
        int clause = clauses.indexOf(name.start());
        boolean other = false;
        for (NameHit h : hits) {
            if (h.start() >= name.start() || clauses.indexOf(h.start()) != clause) {
                continue;
            }
            if (h.lab().equals(name.lab())) {
                return false;
            }
            other |= h.kind() == NameHit.Kind.ALIAS;
        }
        return other;
    }

    /** Some other name of another launch has a date attached right after it, as rows of a table do. */
    static boolean rowsWithDates(String text, List<ModelName> found, List<DateSpan> spans, ModelName name) {
        for (ModelName other : found) {
            if (other != name && !other.family().equals(name.family())
                    && AttachedDate.find(text, other, found, spans, false).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SUFFIX_MENTION = Vocabulary.of("level", "class", "style", "like", "based",
            "powered", "sized", "grade", "scale", "tier", "esque", "compatible");

    /** "Claude-level", "GPT-9-class", "Llama-based": a suffix that makes the name a modifier of something else. */
    static boolean hasMentionSuffix(String text, int end, int limit) {
        if (end + 2 >= limit || text.charAt(end) != '-') {
            return false;
        }
        int e = end + 1;
        while (e < limit && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return SUFFIX_MENTION.contains(text.substring(end + 1, e).toLowerCase(Locale.ROOT));
    }

    private static final Set<String> MEMBERSHIP = Vocabulary.of("in", "within", "across", "from");
    private static final Set<String> LINES = Vocabulary.of("family", "series", "lineup", "line", "generation");

    /**
     * "the third release in the Claude 9 family", "the newest model from the Llama 9 series": the name says which
     * line another model belongs to; it is not the model released.
     */
    static boolean isFamilyMembership(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        int after = w.indexAt(name.end());
        return k >= 2 && w.text(k - 1).equals("the") && MEMBERSHIP.contains(w.text(k - 2))
                && after < w.size() && LINES.contains(w.text(after));
    }
}
