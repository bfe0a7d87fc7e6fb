package dev.collide.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence as lower-case tokens with their offsets: words (letters, with inner '-' or apostrophe: "open-sourced",
 * "hasn't"), numbers (digit runs) and single symbols. Shared by the date reader and the release classifier so that
 * each sentence is scanned once.
 */
final class Words {
    /** {@code value}: a number's value when it has at most 9 digits, else -1; parsed once, read by every date rule. */
    record Token(String text, int start, int end, boolean isNumber, boolean isWord, int bits, int value) {
        Token(String text, int start, int end, boolean isNumber, boolean isWord, int bits) {
            this(text, start, end, isNumber, isWord, bits, isNumber && text.length() <= 9 ? Integer.parseInt(text) : -1);
        }
    }

    private static final String[] ASCII_SYMBOLS = new String[128];
    /** Recent words, shared by every extracting thread: see {@link WordPool}. */
    private static final WordPool POOL = new WordPool();

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_SYMBOLS[c] = String.valueOf((char) c);
        }
    }

    private final List<Token> tokens;
    private final boolean hasHan;
    /** The sentence's span in the text. */
    private final int from;
    private final int to;
    /** {@link #indexAt} for each offset of the sentence, made on its first call: it is asked dozens of times. */
    private int[] firstTokenAt;

    private Words(List<Token> tokens, boolean hasHan, int from, int to) {
        this.tokens = tokens;
        this.hasHan = hasHan;
        this.from = from;
        this.to = to;
    }

    /** Whether the sentence has Han characters (Chinese cues are then looked up as substrings). */
    boolean hasHan() {
        return hasHan;
    }

    static Words of(String text, int from, int to) {
        // room for a token every 3 characters (text runs ~3.5 a token): the list is seldom regrown
        List<Token> tokens = new ArrayList<>((to - from) / 3 + 4);
        boolean han = false;
        WordPool pool = POOL;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                int s = i;
                boolean plain = true; // lower-case letters only: the common case, one copy, no folding
                boolean dash = false;
                int hash = 0; // String.hashCode of the folded word, for the lexicon's probe
                while (i < to) {
                    char d = text.charAt(i);
                    if (d >= 'a' && d <= 'z') {
                        i++;
                    } else if (d >= 'A' && d <= 'Z') {
                        plain = false;
                        i++;
                    } else if ((d == '-' || d == '\'' || d == '’') && i + 1 < to
                            && isAsciiLetter(text.charAt(i + 1))) {
                        plain &= d != '’';
                        dash |= d == '-';
                        i++;
                    } else {
                        break;
                    }
                    hash = 31 * hash + fold(d);
                }
                // A word the lexicon lists is its string, not a copy: most cue words ("was", "released", "on")
                int slot = Lexicon.slotOf(text, s, i, hash);
                String word = slot >= 0 ? Lexicon.keyAt(slot) : pool.word(text, s, i, hash, plain);
                tokens.add(new Token(word, s, i, false, true, Lexicon.bitsOf(word, slot >= 0 ? Lexicon.bitsAt(slot) : 0,
                        dash)));
            } else if (c >= '0' && c <= '9') {
                int s = i;
                while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i - s == 8 && NameTokens.isYearMonthAt(text, s + 4, to)) {
                    // "command-a-03-20252025-03": a name's year and a table cell's year-month joined by a scrape
                    tokens.add(new Token(pool.word(text, s, s + 4), s, s + 4, true, false, Lexicon.DATE_START));
                    s += 4;
                }
                tokens.add(new Token(pool.word(text, s, i), s, i, true, false, Lexicon.DATE_START));
            } else {
                han |= c >= 0x4E00 && c <= 0x9FFF;
                if (!Character.isWhitespace(c)) {
                    tokens.add(new Token(c < 128 ? ASCII_SYMBOLS[c] : String.valueOf(c), i, i + 1, false, false, 0));
                }
                i++;
            }
        }
        return new Words(tokens, han, from, to);
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    /** The token's text, or "" past either end. */
    String text(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
    }

    /** Index of the first token starting at or after {@code offset} (the token count if none does). */
    int indexAt(int offset) {
        if (offset <= from) {
            return 0; // every token starts inside the sentence
        }
        if (offset >= to) {
            return tokens.size();
        }
        if (firstTokenAt == null) {
            // token k is the first at or after every offset from the previous token's start (exclusive) to its own
            int[] at = new int[to - from];
            int o = 0;
            for (int k = 0; k < tokens.size(); k++) {
                int start = tokens.get(k).start() - from;
                Arrays.fill(at, o, start + 1, k);
                o = start + 1;
            }
            Arrays.fill(at, o, at.length, tokens.size());
            firstTokenAt = at;
        }
        return firstTokenAt[offset - from];
    }

    /**
     * The strings of words seen lately, one per slot of their hash (a direct-mapped cache: a word evicts whatever
     * had its slot). Text repeats its words ("model", "weights", "company"), so that most tokens that are no cue word
     * still cost no copy, and the word lists they are looked up in find their hash computed. One pool for all
     * threads (fetch extracts on up to 512), at most 4,096 words: the slots are read and written without a lock, which
     * is safe for Strings (immutable, their fields final; the hash is cached racily by design): a thread sees a slot
     * empty, or holding some word in full, and takes it only after comparing its characters.
     */
    private static final class WordPool {
        private static final int SLOTS = 4096;
        private final String[] words = new String[SLOTS];

        /** The word {@code text[from, to)} folded as a token holds it; {@code hash} is its folded String hash. */
        String word(String text, int from, int to, int hash, boolean plain) {
            int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
            String cached = words[slot];
            if (cached != null && cached.length() == to - from && cached.hashCode() == hash
                    && Lexicon.isFoldedCopy(cached, text, from)) {
                return cached;
            }
            String word = plain ? text.substring(from, to) : lowerAscii(text, from, to);
            words[slot] = word;
            return word;
        }

        /** A run of ASCII digits. */
        String word(String text, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            return word(text, from, to, hash, true);
        }
    }

    /** Lower-cases ASCII letters only, so offsets stay those of the text; '’' becomes '\''. */
    private static String lowerAscii(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = fold(text.charAt(i));
        }
        return new String(out);
    }

    /** A word's character as its token holds it: ASCII letters in lower case, '’' as '\''. */
    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '’' ? '\'' : c;
    }

    /** Whether any token in {@code [from, to)} has one of {@code mask}'s bits. */
    boolean has(int from, int to, int mask) {
        for (int k = indexAt(from); k < tokens.size() && tokens.get(k).start() < to; k++) {
            if ((tokens.get(k).bits() & mask) != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
