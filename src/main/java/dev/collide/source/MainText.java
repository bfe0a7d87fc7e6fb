package dev.collide.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main text of an article page: {@code article}, else {@code main}, else {@code [role=main]}, else the body,
 * after dropping navigation, headers, footers, asides, forms and code elements (the page's boilerplate).
 * Capped, so a huge page cannot flood the extractor. Stateless.
 */
final class MainText {
    static final int MAX_CHARS = 20_000;
    private static final String BOILERPLATE = "script, style, noscript, template, iframe, object, embed, svg, nav,"
            + " header, footer, aside, form, button, [role=navigation], [role=banner], [role=contentinfo],"
            + " [aria-hidden=true]";

    String text(String html, String baseUrl) {
        Document page = Jsoup.parse(html, baseUrl);
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = page.body();
        }
        root.select(BOILERPLATE).remove();
        String text = root.text().strip();
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}
