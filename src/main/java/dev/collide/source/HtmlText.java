package dev.collide.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns feed HTML into plain text: the words stay, tags, attributes (and with them on* handlers and javascript:
 * URLs) go, and elements whose content is code or embedded documents go with their content. svg and math are not
 * among them: jsoup keeps a following unclosed {@code <p>} inside an unclosed {@code <svg>}, and its words must stay.
 */
final class HtmlText {
    // parsed once: jsoup parses a CSS query string on every select, a tenth of a cold fetch's CPU (issue 18)
    private static final Evaluator CODE_ELEMENTS = QueryParser.parse("script, style, noscript, iframe, frame,"
            + " frameset, object, embed, applet, template, head, title, meta, link, base");

    String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            // common case for plain excerpts; also keeps line breaks jsoup would fold
            return html.strip();
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select(CODE_ELEMENTS).remove();
        return document.body().text();
    }
}
