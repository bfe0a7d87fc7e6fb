package dev.collide.extract;

import java.util.Locale;

/** Shapes of the tokens a model name is made of: versions ("V3.2", "4o"), sizes ("27B", "A22B"), plain numbers. */
final class NameTokens {
    private NameTokens() {
    }

    static boolean isProductWord(String token) {
        if (!Character.isUpperCase(token.charAt(0)) || token.length() <= 2) {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            if (token.charAt(i) < 'a' || token.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Whether every char of {@code token} is a letter ({@link Character#isLetter(char)}): a loop, not a stream. */
    static boolean isAllLetters(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isVersionAfterSpace(String text, int pos, int limit) {
        if (pos + 1 >= limit || text.charAt(pos) != ' ' || !Character.isDigit(text.charAt(pos + 1))) {
            return false;
        }
        int end = tokenEnd(text, pos + 1, limit);
        String next = text.substring(pos + 1, end);
        return isNumber(next) && digitsAt(next, 0) <= 2;
    }

    /** "27B", "1.5B", "A22B", "8x7B", "120m": a parameter count. */
    static boolean isSize(String t) {
        int n = t.length();
        char last = Character.toLowerCase(t.charAt(n - 1));
        if (n < 2 || last != 'b' && last != 'm' && last != 'k' && last != 't') {
            return false;
        }
        String body = t.substring(0, n - 1);
        if (Character.toLowerCase(body.charAt(0)) == 'a' && last == 'b') {
            body = body.substring(1);
        }
        int x = body.toLowerCase(Locale.ROOT).indexOf('x');
        if (x > 0 && last == 'b') {
            return digitsAt(body, 0) == x && digitsAt(body, x + 1) == body.length() - x - 1 && x + 1 < body.length();
        }
        return isNumber(body);
    }

    /** "3", "3.6", "V3.2", "K2", "4o", "3n", "R1": up to two letters, a dotted number, one optional letter. */
    static boolean isVersion(String t) {
        int i = 0;
        while (i < t.length() && i < 2 && isLetter(t.charAt(i))) {
            i++;
        }
        int end = t.length();
        if (end - i >= 2 && isLetter(t.charAt(end - 1))) {
            end--;
        }
        return end > i && isNumber(t.substring(i, end));
    }

    /** Digits, optionally dotted: "3", "3.6", "2.5.1". */
    static boolean isNumber(String t) {
        int i = 0;
        while (true) {
            int d = digitsAt(t, i);
            if (d == 0) {
                return false;
            }
            i += d;
            if (i == t.length()) {
                return true;
            }
            if (t.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    static int digitsAt(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** End of an alphanumeric token; a '.' belongs to it only between digits ("3.6", not "V4."). */
    static int tokenEnd(String text, int start, int limit) {
        int i = start;
        while (i < limit) {
            char c = text.charAt(i);
            if (NameDictionary.isLatinAlnum(c)) {
                i++;
            } else if (c == '.' && i > start && Character.isDigit(text.charAt(i - 1)) && i + 1 < limit
                    && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Whether {@code text[from, to)} holds a digit (any script's, as Character.isDigit says). */
    static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** "2024-08" at {@code at}: a year of 1990-2099, '-', a month, then no further digit. */
    static boolean isYearMonthAt(String text, int at, int limit) {
        if (at + 7 > limit || digitsAt(text, at) != 4 || text.charAt(at + 4) != '-'
                || digitsAt(text, at + 5) != 2 || !(text.startsWith("19", at) || text.startsWith("20", at))) {
            return false;
        }
        int month = (text.charAt(at + 5) - '0') * 10 + text.charAt(at + 6) - '0';
        return month >= 1 && month <= 12 && (at + 7 == limit || !Character.isDigit(text.charAt(at + 7)));
    }

    /**
     * A name that carries its own date ("gpt-4-0314", "qwen3-coder-2507", "command-r-08-2024") can only be released
     * in the month that code says: a leaderboard row "gpt-4-0314 2023-12" dates something else. True when the id has
     * no such code.
     */
    static boolean dateCodeAgrees(String modelId, ReleaseDate date) {
        String[] parts = modelId.split("-");
        int year = date.earliest().getYear();
        int month = date.earliest().getMonthValue();
        boolean coded = false;
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.length() == 4 && digitsAt(p, 0) == 4) {
                int a = Integer.parseInt(p.substring(0, 2));
                int b = Integer.parseInt(p.substring(2));
                boolean mmdd = a >= 1 && a <= 12 && b >= 1 && b <= 31;
                boolean yymm = a >= 23 && a <= 39 && b >= 1 && b <= 12;
                if (!mmdd && !yymm) {
                    continue; // a year ("2025") or a number of another kind
                }
                coded = true;
                if (mmdd && a == month || yymm && a == year % 100 && b == month) {
                    return true;
                }
            } else if (p.length() == 2 && digitsAt(p, 0) == 2 && k + 1 < parts.length && parts[k + 1].length() == 4
                    && parts[k + 1].startsWith("20") && digitsAt(parts[k + 1], 0) == 4) {
                coded = true;
                if (Integer.parseInt(p) == month && Integer.parseInt(parts[k + 1]) == year) {
                    return true;
                }
            }
        }
        return !coded;
    }
}
