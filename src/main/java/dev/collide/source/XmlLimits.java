package dev.collide.source;

import java.util.Optional;

/**
 * Bounds the work a document may cost before any tree is built (issue 17 item 4): JDOM and Rome recurse once per
 * nesting level (2,000 nested elements overflowed a 512 KB thread stack with a {@code StackOverflowError}, which
 * no {@code RuntimeException} catch sees) and JDOM's {@code isAncestor} check makes deep trees quadratic (200,000
 * levels kept two cores busy for over 12 minutes). One linear pass over the text counts element depth and
 * elements, skipping comments, CDATA sections, processing instructions and quoted attribute values. Real feeds
 * nest a few dozen levels at most (XHTML content inside an Atom entry). Thread-safe (no state).
 */
final class XmlLimits {
    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 1_000_000;

    /** Why the document is refused, or empty when it is within the limits (or too broken to count: the parser says). */
    Optional<String> check(String xml) {
        int depth = 0;
        int elements = 0;
        int n = xml.length();
        int i = xml.indexOf('<');
        while (i >= 0 && i + 1 < n) {
            char next = xml.charAt(i + 1);
            int end;
            if (xml.startsWith("<!--", i)) {
                end = skipPast(xml, i + 4, "-->");
            } else if (xml.startsWith("<![CDATA[", i)) {
                end = skipPast(xml, i + 9, "]]>");
            } else if (next == '?' || next == '!') {
                end = skipPast(xml, i + 2, ">");
            } else if (next == '/') {
                end = skipPast(xml, i + 2, ">");
                depth--;
            } else {
                end = endOfStartTag(xml, i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                if (xml.charAt(end - 2) != '/') {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        return Optional.of("document refused: elements nested more than " + MAX_DEPTH
                                + " deep (at offset " + i + "); no feed needs that, so the publisher's feed is "
                                + "broken or hostile");
                    }
                }
                if (++elements > MAX_ELEMENTS) {
                    return Optional.of("document refused: more than " + MAX_ELEMENTS + " elements; split the "
                            + "feed or ask the publisher for a shorter one");
                }
            }
            if (end < 0) {
                return Optional.empty();
            }
            i = xml.indexOf('<', end);
        }
        return Optional.empty();
    }

    /** Index just past {@code terminator} found from {@code from}; -1 when it never comes. */
    private static int skipPast(String xml, int from, String terminator) {
        int at = xml.indexOf(terminator, from);
        return at < 0 ? -1 : at + terminator.length();
    }

    /** Index just past the '>' closing a start tag, with '>' inside quoted attribute values skipped; -1 if none. */
    private static int endOfStartTag(String xml, int from) {
        int close = unquotedIndexOf(xml, from, '>', '<');
        return close < 0 ? -1 : close + 1;
    }

    /**
     * Index of the first {@code target} from {@code from} outside single or double quotes; -1 when {@code stop} comes
     * first (outside quotes) or neither comes. Shared with {@link FeedDecoder}'s DOCTYPE scan.
     */
    static int unquotedIndexOf(String xml, int from, char target, char stop) {
        char quote = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == target) {
                return i;
            } else if (c == stop) {
                return -1;
            }
        }
        return -1;
    }
}
