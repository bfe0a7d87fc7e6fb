package dev.collide.source;

/**
 * Text from the world made safe to log, print and render (issue 17 item 8): a feed's {@code &#x1b;[2J} must not
 * clear a terminal, a C1 {@code U+009B} must not start an escape sequence either, and a right-to-left override must
 * not reorder a title, a log line or a mail. Removed: C0 controls (U+0000-U+001F), DEL and C1 controls
 * (U+007F-U+009F), and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that reorder the
 * text after them (the "Trojan Source" characters, CVE-2021-42574). Kept: the marks U+200E, U+200F and U+061C,
 * which change no order but that of neutral characters beside them and belong in Arabic and Hebrew text. Line and
 * paragraph breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) and tabs are spaces in a {@link #line}, line feeds (or
 * tabs) in a {@link #text}. Applied where {@link Article}s and {@link PollResult.Failed} are built, so every later
 * stage receives clean text. Stateless; a string that needs no change is returned as it is.
 */
public final class DisplayText {
    private DisplayText() {
    }

    /** One line: a title, a failure reason. Breaks and tabs become one space; the result is stripped. */
    public static String line(String value) {
        if (isClean(value, false)) {
            return value;
        }
        var out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isBreak(c) || c == '\t') {
                pendingSpace = true;
            } else if (pendingSpace && c == ' ') {
                continue; // indentation after a break folds into the one space
            } else if (!isRemoved(c)) {
                if (pendingSpace) {
                    trimTrailingSpaces(out);
                    if (!out.isEmpty()) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Running text: an article body. Keeps tabs; every break becomes a line feed (CR LF one line feed). */
    public static String text(String value) {
        if (isClean(value, true)) {
            return value;
        }
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                continue;
            }
            if (isBreak(c)) {
                out.append('\n');
            } else if (c == '\t' || !isRemoved(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An identifier shown to people (a guid): each removed character is written as {@code U+XXXX} instead of
     * dropped, so distinct identifiers stay distinct and none becomes blank.
     */
    public static String identifier(String value) {
        if (isClean(value, false)) {
            return value;
        }
        var out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || isBreak(c) || isRemoved(c)) {
                out.append(String.format("U+%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when {@code value} holds nothing this class would change (line feeds and tabs allowed in a text). */
    static boolean isClean(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 ? !(multiLine && (c == '\n' || c == '\t')) : isRemoved(c) || isBreak(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isRemoved(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }
}
