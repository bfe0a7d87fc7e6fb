package dev.collide.notify;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;

/**
 * Where the jte templates of the digest mail and of the archive pages write, escaping every {@code ${...}} value by
 * one rule ({@link #escape}) whether it lands in element content or in a quoted attribute. jte's own OWASP output
 * leaves quotes in element content alone and writes {@code "} in attributes as {@code &#34;}; this rule is the one
 * the pages and the digest had before templates (issue 14 item 9), and it also drops control characters, which
 * HTML text may not contain. Not thread-safe: one per rendering.
 */
public final class HtmlOutput implements HtmlTemplateOutput {
    private final StringBuilder out = new StringBuilder(4096);

    /** Escapes for element content and double- or single-quoted attribute values alike (OWASP rules #1 and #2). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters are not allowed in HTML text; drop them rather than pass them on
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        // one escaping rule serves content and quoted attributes; templates never put values in on* attributes
    }

    @Override
    public void writeContent(String value) {
        out.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (value != null) {
            out.append(escape(value));
        }
    }

    @Override
    public void writeUserContent(Content content) {
        if (content != null) {
            content.writeTo(this);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
