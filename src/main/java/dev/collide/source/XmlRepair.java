package dev.collide.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs the few defects that make real feeds ill-formed without making their content doubtful, so that a strict
 * parser can read them: a bare '&amp;' ("R&amp;D", query strings), an HTML entity XML does not know (turned into
 * its character) or nobody knows ("&amp;bogus;" kept as text), "&amp;#X41;" (XML wants a lower-case x), a reference
 * to a character XML 1.0 does not allow (dropped: XML 1.1 allows "&amp;#x1b;", and JDOM, which builds XML 1.0 trees,
 * threw an unchecked IllegalDataException for it; issue 17 item 8), and a root end tag cut just before its '&gt;'.
 * CDATA sections, comments and processing instructions are left alone, since '&amp;' is literal there. Anything
 * else ill-formed (a truncated item, a missing end tag) is still refused by the parser.
 */
final class XmlRepair {
    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|([A-Za-z][A-Za-z0-9]{0,31}));");
    private static final Pattern CUT_ROOT_END = Pattern.compile("</[A-Za-z_][\\w.:-]*\\s*$");

    String repair(String xml) {
        var out = new StringBuilder(xml.length() + 64);
        Matcher reference = REFERENCE.matcher(xml);
        int i = 0;
        int n = xml.length();
        while (i < n) {
            int amp = xml.indexOf('&', i);
            int lt = xml.indexOf('<', i);
            if (amp < 0) {
                out.append(xml, i, n);
                break;
            }
            if (lt >= 0 && lt < amp) {
                int skipTo = endOfLiteralSection(xml, lt);
                if (skipTo > lt) {
                    out.append(xml, i, skipTo);
                    i = skipTo;
                    continue;
                }
                out.append(xml, i, lt + 1);
                i = lt + 1;
                continue;
            }
            out.append(xml, i, amp);
            reference.region(amp, Math.min(n, amp + 44));
            if (!reference.lookingAt()) {
                out.append("&amp;");
                i = amp + 1;
                continue;
            }
            String name = reference.group(1);
            String text = reference.group();
            if (name == null) {
                if (isXml10Char(codePoint(text))) {
                    out.append(text.startsWith("&#X") ? "&#x" + text.substring(3) : text);
                }
            } else if (isXmlEntity(name)) {
                out.append(text);
            } else if (Entities.isNamedEntity(name)) {
                // an HTML entity ("&nbsp;", "&mdash;"): XML declares none of them, so write the character
                Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            } else {
                out.append("&amp;").append(text, 1, text.length());
            }
            i = reference.end();
        }
        // only the tail can hold the cut end tag; matching the whole document would retry at every "</"
        if (CUT_ROOT_END.matcher(out.subSequence(Math.max(0, out.length() - 300), out.length())).find()) {
            out.append('>');
        }
        // whitespace before the XML declaration makes it a misplaced processing instruction
        int start = 0;
        while (start < out.length() && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return start > 0 && out.indexOf("<?xml", start) == start ? out.substring(start) : out.toString();
    }

    /** End of a CDATA section, comment or PI starting at {@code lt}; {@code lt} itself when none starts there. */
    private static int endOfLiteralSection(String xml, int lt) {
        String[][] sections = {{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"}};
        for (String[] section : sections) {
            if (xml.startsWith(section[0], lt)) {
                int end = xml.indexOf(section[1], lt + section[0].length());
                return end < 0 ? xml.length() : end + section[1].length();
            }
        }
        return lt;
    }

    /** The number a character reference ("&amp;#27;", "&amp;#x1B;") stands for; -1 when it is too large. */
    private static int codePoint(String reference) {
        boolean hex = reference.charAt(2) == 'x' || reference.charAt(2) == 'X';
        String digits = reference.substring(hex ? 3 : 2, reference.length() - 1);
        try {
            return Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** XML 1.0 production [2] Char: tab, LF, CR, and U+0020 up, without surrogates, U+FFFE and U+FFFF. */
    private static boolean isXml10Char(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isXmlEntity(String name) {
        return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot")
                || name.equals("apos");
    }
}
