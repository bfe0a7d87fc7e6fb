package dev.collide.cli;

import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.source.GitHubReleasesSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * OPML 2.0 (opml.org/spec2.opml), the feed readers' exchange format: {@code <outline type="rss" text=".."
 * xmlUrl=".." htmlUrl=".."/>}, possibly nested in folders. jsoup's XML parser expands no external entities.
 */
final class OpmlFile {
    /**
     * One feed of an OPML file: its title ({@code text} or {@code title}) and feed URL as written; {@code xmlUrl} is
     * empty for an outline that has only an {@code htmlUrl} (a web page, no feed), which the import reports.
     */
    record Outline(String title, String xmlUrl, String htmlUrl) {
    }

    private OpmlFile() {
    }

    /** Throws IllegalArgumentException, saying what the file is, when it is not an OPML document. */
    static List<Outline> read(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element root = doc.children().first();
        if (root == null || !root.tagName().equalsIgnoreCase("opml")) {
            throw new IllegalArgumentException("not an OPML file (its root element is "
                    + (root == null ? "missing" : "<" + root.tagName() + ">") + ", not <opml>); export the"
                    + " subscriptions from the feed reader as OPML");
        }
        List<Outline> outlines = new ArrayList<>();
        for (Element outline : doc.getElementsByTag("outline")) {
            String url = outline.attr("xmlUrl").strip();
            String html = outline.attr("htmlUrl").strip();
            if (url.isEmpty() && html.isEmpty()) {
                continue; // a folder
            }
            String title = outline.hasAttr("text") ? outline.attr("text") : outline.attr("title");
            outlines.add(new Outline(title.strip(), url, html));
        }
        return outlines;
    }

    /** The sources that have a feed URL (feed and github-releases), as one OPML document. */
    static String write(List<SourceConfig> sources) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Collide sources</title></head>
                  <body>
                """);
        for (SourceConfig source : sources) {
            Optional<URI> url = feedUrl(source);
            if (url.isEmpty()) {
                continue;
            }
            xml.append("    <outline type=\"rss\" text=\"").append(escape(source.id())).append("\" xmlUrl=\"")
                    .append(escape(url.get().toString())).append("\"/>\n");
        }
        return xml.append("  </body>\n</opml>\n").toString();
    }

    private static Optional<URI> feedUrl(SourceConfig source) {
        if (source.kind().equals(SourceKind.FEED)) {
            return "file".equalsIgnoreCase(source.url().getScheme()) ? Optional.empty() : Optional.of(source.url());
        }
        if (source.settings() instanceof GitHubReleasesSource.Params releases) {
            return Optional.of(URI.create("https://github.com/" + releases.repo() + "/releases.atom"));
        }
        return Optional.empty();
    }

    private static String escape(String text) {
        return Entities.escape(text).replace("\"", "&quot;");
    }
}
