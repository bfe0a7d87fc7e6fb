package dev.collide.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each cue word is for, as bits, so that a sentence's words are looked up once (one hash probe per word)
 * rather than once per word list: the extractor reads ~10 sentences per 2 KB article at 20,000 articles/s.
 */
final class Lexicon {
    static final int STRONG_RELEASE = 1;
    static final int WEAK_RELEASE = 2;
    static final int PREDICTION = 4;
    static final int COMPARISON = 8;
    static final int DATE_START = 16;
    static final int CLAUSE = 32;
    static final int COINCIDENCE = 64;
    /** The last word of a conference's name ("re:Invent", "I/O"): a date only after "at" ({@link EventDates}). */
    static final int EVENT = 128;
    /** A word a launch or update frame checks beside a name ({@link LaunchFrames}): tested by bit, not by string. */
    static final int FRAME = 256;
    /** A cloud's or host's name ({@link HostPlatforms}). */
    static final int HOST = 512;

    private static final Set<String> DATE_WORDS = Vocabulary.of("today", "tonight", "yesterday", "tomorrow", "this",
            "last", "next", "the", "that", "ahead", "before", "after", "during", "over", "around", "hours", "minutes",
            "days", "weeks", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "a", "an",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several", "eve",
            "first");
    private static final Set<String> COINCIDENCE_WORDS = Vocabulary.of("same", "hours", "apart", "simultaneously",
            "simultaneous", "back-to-back", "back", "within", "minutes", "time", "same-day", "days");
    /*
     * Cues by lemma (issue #12): an inflected form not listed above is looked up by its stem ("bests" -> best,
     * "surfaced" -> surface, "targeting" -> target), so that the lists name verbs, not spellings.
     */
    private static final Set<String> RELEASE_LEMMAS = Vocabulary.of("release", "launch", "open-source", "opensource",
            "unveil", "debut", "publish", "ship", "drop", "roll", "land", "surface", "unleash", "upload", "toss",
            "premiere", "open-weight");
    private static final Set<String> WEAK_RELEASE_LEMMAS = Vocabulary.of("announce", "introduce", "present", "post",
            "arrive", "appear", "push", "enter");
    private static final Set<String> PREDICTION_LEMMAS = Vocabulary.of("expect", "plan", "rumor", "rumour", "tease",
            "hint", "prepare", "aim", "intend", "delay", "postpone", "hope", "want", "target", "slate", "schedule",
            "anticipate", "whisper", "speculate", "cancel", "shelve", "pause", "consider", "tip", "leak", "promise",
            "predict", "forecast", "wait", "push back", "gear", "eye", "mull", "weigh", "reportedly", "retire",
            "deprecate", "sunset", "discontinue", "shut", "remove", "ban", "block", "restrict", "prohibit", "probe",
            "investigate", "question", "doubt", "hold", "halt", "suspend", "coming", "slip", "deny", "refute", "rebut");
    private static final Set<String> COMPARISON_LEMMAS = Vocabulary.of(
            "best", "beat", "outperform", "rival", "match", "surpass", "trail", "compare", "benchmark", "score",
            "use", "power", "build", "fine-tune", "distill", "deploy", "adopt", "integrate", "support", "serve",
            "host", "switch", "test", "evaluate", "rank", "top", "replace", "compete", "competing", "challenge",
            "par", "similar", "comparable", "equivalent", "trump", "edge", "eclipse", "exceed", "lag", "leapfrog",
            "overtake", "dominate", "mimic", "copy", "clone", "emulate", "resemble", "mirror", "inspire", "cite",
            "price", "cost", "charge", "contrast", "relative", "unlike", "versus", "competitor", "rivalry",
            "alternative", "competitive", "leading", "praise", "criticize", "criticise", "rate", "review", "add");
    /**
     * Every cue word and its bits, as an open-addressing table (at most half full, linear probing) that is probed
     * with a hash computed while the word is scanned: {@link #slotOf}.
     */
    private static final String[] KEYS;
    private static final int[] KEY_BITS;

    static {
        Map<String, Integer> byWord = build();
        int size = Integer.highestOneBit(byWord.size() * 4);
        KEYS = new String[size];
        KEY_BITS = new int[size];
        byWord.forEach((word, bits) -> {
            int slot = word.hashCode() & (size - 1);
            while (KEYS[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            KEYS[slot] = word;
            KEY_BITS[slot] = bits;
        });
    }


    private Lexicon() {
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> bits = new HashMap<>();
        ReleaseCues.STRONG.forEach(w -> bits.merge(w, STRONG_RELEASE, (a, b) -> a | b));
        ReleaseCues.WEAK.forEach(w -> bits.merge(w, WEAK_RELEASE, (a, b) -> a | b));
        ReleaseCues.PREDICTION.forEach(w -> bits.merge(w, PREDICTION, (a, b) -> a | b));
        ReleaseCues.COMPARISON.forEach(w -> bits.merge(w, COMPARISON, (a, b) -> a | b));
        ReleaseDateReader.MONTHS.keySet().forEach(w -> bits.merge(w, DATE_START, (a, b) -> a | b));
        DATE_WORDS.forEach(w -> bits.merge(w, DATE_START, (a, b) -> a | b));
        Clauses.BOUNDARY_WORDS.forEach(w -> bits.merge(w, CLAUSE, (a, b) -> a | b));
        COINCIDENCE_WORDS.forEach(w -> bits.merge(w, COINCIDENCE, (a, b) -> a | b));
        // Every inflection of a lemma is put in the table up front: one probe per word at extraction time.
        for (Set<String> lemmas : List.of(RELEASE_LEMMAS, WEAK_RELEASE_LEMMAS, PREDICTION_LEMMAS, COMPARISON_LEMMAS)) {
            for (String lemma : lemmas) {
                for (String form : inflections(lemma)) {
                    if (!bits.containsKey(form)) {
                        int cue = lemmaBits(form);
                        if (cue != 0) {
                            bits.put(form, cue);
                        }
                    }
                }
            }
        }
        // after the lemmas, whose forms go in only where no bit is yet ("build" is a comparison and a conference)
        EventDates.LAST_WORDS.forEach(w -> bits.merge(w, EVENT, (a, b) -> a | b));
        LaunchFrames.FRAME_WORDS.forEach(w -> bits.merge(w, FRAME, (a, b) -> a | b));
        HostPlatforms.HOST_WORDS.forEach(w -> bits.merge(w, HOST, (a, b) -> a | b));
        return bits;
    }

    /** The forms a lemma is written in: itself, -s, -es, -ed, -d, -ing, with a final e dropped or a consonant doubled. */
    private static List<String> inflections(String lemma) {
        List<String> out = new ArrayList<>(List.of(lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d",
                lemma + "ing"));
        char last = lemma.charAt(lemma.length() - 1);
        if (last == 'e') {
            out.add(lemma.substring(0, lemma.length() - 1) + "ing");
        }
        if ("bdgmnprt".indexOf(last) >= 0) {
            out.add(lemma + last + "ed");
            out.add(lemma + last + "ing");
        }
        if (last == 'y') {
            out.add(lemma.substring(0, lemma.length() - 1) + "ied");
            out.add(lemma.substring(0, lemma.length() - 1) + "ies");
        }
        return out;
    }

    /** The cue of a word's stem: the word itself, or less -s, -es, -ed, -d, -ing (and a doubled consonant). */
    static int lemmaBits(String word) {
        int n = word.length();
        if (n < 3) {
            return 0;
        }
        int bits = lemmaCue(word);
        if (bits == 0 && word.endsWith("s")) {
            bits = lemmaCue(word.substring(0, n - 1));
            if (bits == 0 && word.endsWith("es")) {
                bits = lemmaCue(word.substring(0, n - 2));
            }
        }
        if (bits == 0 && (word.endsWith("ed") || word.endsWith("ing"))) {
            String stem = word.substring(0, n - (word.endsWith("ed") ? 2 : 3));
            bits = lemmaCue(stem);
            if (bits == 0) {
                bits = lemmaCue(stem + "e");
            }
            if (bits == 0 && stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                bits = lemmaCue(stem.substring(0, stem.length() - 1));
            }
            if (bits == 0 && word.endsWith("ied")) {
                bits = lemmaCue(word.substring(0, n - 3) + "y");
            }
        }
        return bits;
    }

    private static int lemmaCue(String stem) {
        if (RELEASE_LEMMAS.contains(stem)) {
            return STRONG_RELEASE;
        }
        if (PREDICTION_LEMMAS.contains(stem)) {
            return PREDICTION;
        }
        if (COMPARISON_LEMMAS.contains(stem)) {
            return COMPARISON;
        }
        return WEAK_RELEASE_LEMMAS.contains(stem) ? WEAK_RELEASE : 0;
    }

    /**
     * The slot of the word {@code text[from, to)}, folded as {@link Words} folds it (ASCII lower case, '’' as '\''),
     * or -1 when the lexicon has no such word. {@code hash} is {@link String#hashCode} of the folded word: the caller
     * computes it while scanning, so that a known word needs no copy (its token holds the lexicon's string).
     */
    static int slotOf(String text, int from, int to, int hash) {
        int mask = KEYS.length - 1;
        for (int slot = hash & mask; KEYS[slot] != null; slot = (slot + 1) & mask) {
            String key = KEYS[slot];
            if (key.length() == to - from && key.hashCode() == hash && isFoldedCopy(key, text, from)) {
                return slot;
            }
        }
        return -1;
    }

    static String keyAt(int slot) {
        return KEYS[slot];
    }

    static int bitsAt(int slot) {
        return KEY_BITS[slot];
    }

    /** Whether {@code key} is {@code text} from {@code from} on, folded as {@link Words} folds a word. */
    static boolean isFoldedCopy(String key, String text, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != Words.fold(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bits of a lower-case word ({@code hasDash} if it contains '-') whose own entry in the lexicon is
     * {@code entryBits} (0 for a word it does not list).
     */
    static int bitsOf(String word, int entryBits, boolean hasDash) {
        int bits = entryBits;
        if (word.endsWith("n't")) {
            bits |= PREDICTION;
        }
        if (hasDash) {
            bits |= DATE_START; // "mid-March"
        }
        return bits;
    }
}
