package dev.collide.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits plain text into sentences as {@code [start, end)} spans: after '.', '!' or '?' followed by a space, after
 * '。', '！', '？', at line breaks and at a flattened table's row break ("| |"). A '.' inside a version ("GLM-4.5") or before a lower-case word does not end
 * a sentence, unless that word holds a digit, as lower-case model names do ("o3", "gpt-oss-120b").
 * A sentence is cut at {@link #MAX_SENTENCE} characters so that junk without punctuation stays bounded.
 */
final class SentenceSplitter {
    static final int MAX_SENTENCE = 1_000;
    private static final int MAX_EVIDENCE = 500;
    /** The characters that may end a sentence; everything between two of them is skipped by indexOf. */
    private static final char[] STOPS = {'\n', '\r', '.', '!', '?', '|', '。', '！', '？', '；'};

    /** Spans of the non-blank sentences in {@code text}, in order. */
    List<int[]> split(String text) {
        List<int[]> spans = new ArrayList<>();
        int n = text.length();
        int[] nextStop = new int[STOPS.length];
        Arrays.fill(nextStop, -1);
        int start = 0;
        for (int i = Math.min(nextStop(text, 0, nextStop), MAX_SENTENCE); i < n;
                i = Math.min(nextStop(text, i + 1, nextStop), Math.max(i + 1, start + MAX_SENTENCE))) {
            // i is a stop character, or a character of a sentence already MAX_SENTENCE long
            char c = text.charAt(i);
            boolean end = false;
            int cut = i + 1;
            if (c == '\n' || c == '\r' || c == '。' || c == '！' || c == '？' || c == '；') {
                end = true;
            } else if (c == '|') {
                // "... | 25.08 | | Magistral Medium 1.2 | ...": an empty cell, a flattened table's row break
                int k = i + 1;
                while (k < n && text.charAt(k) == ' ') {
                    k++;
                }
                end = k < n && text.charAt(k) == '|';
                cut = end ? k + 1 : cut;
            } else if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                end = c != '.' || !isAbbreviation(text, i) && !nextWordIsLowerCase(text, i + 1);
            } else if (i - start >= MAX_SENTENCE) {
                end = true;
            }
            if (end) {
                add(text, start, cut, spans);
                start = cut;
            }
        }
        add(text, start, n, spans);
        return spans;
    }

    /**
     * The first stop character at or after {@code from}, or the text's length. {@code next} holds each stop
     * character's last position found (-1 before the first look): a position is searched again only once passed, so
     * every character is looked at by one vectorised indexOf per stop character (the CJK ones return at once on a
     * Latin-1 string).
     */
    private static int nextStop(String text, int from, int[] next) {
        int n = text.length();
        int first = n;
        for (int k = 0; k < STOPS.length; k++) {
            if (next[k] < from) {
                int at = text.indexOf(STOPS[k], from);
                next[k] = at < 0 ? n : at;
            }
            first = Math.min(first, next[k]);
        }
        return first;
    }

    private static void add(String text, int start, int end, List<int[]> spans) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            spans.add(new int[] {s, e});
        }
    }

    /** "Inc.", "Jan.", "U.S." and single initials do not end a sentence. */
    private static boolean isAbbreviation(String text, int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        int len = dot - s;
        if (len == 1) {
            // "J. Smith", "U.S.": an initial; "gpt-oss-20b." ends a name, not an initial
            return s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1));
        }
        if (len < 2 || len > 6) {
            return false; // no abbreviation below is shorter or longer: most sentences end in such a word
        }
        String word = text.substring(s, dot);
        return switch (word) {
            case "Inc", "Corp", "Ltd", "Co", "Mr", "Ms", "Dr", "St", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
                 "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "etc", "No" -> true;
            default -> false;
        };
    }

    private static boolean nextWordIsLowerCase(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length() || !Character.isLowerCase(text.charAt(i))) {
            return false;
        }
        // "... in December 2024. o3 will follow": a lower-case model name with a digit starts a sentence
        for (int k = i; k < text.length() && k - i < 24 && !Character.isWhitespace(text.charAt(k)); k++) {
            if (Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sentence {@code [from, to)} as a mention's evidence: at most {@link #MAX_EVIDENCE} characters, control
     * characters as spaces.
     */
    static String evidence(String text, int from, int to) {
        String s = text.substring(from, Math.min(to, from + MAX_EVIDENCE));
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                StringBuilder clean = new StringBuilder(s);
                for (int k = i; k < clean.length(); k++) {
                    if (Character.isISOControl(clean.charAt(k))) {
                        clean.setCharAt(k, ' ');
                    }
                }
                return clean.toString();
            }
        }
        return s;
    }
}
