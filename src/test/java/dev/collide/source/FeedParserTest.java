package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/source/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedFeed parsed(String fixture, Optional<URI> base) {
        ParseResult result = parser.parse("src", fixture(fixture), Optional.empty(), base);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).feed();
    }

    private String rejection(String xml) {
        ParseResult result = parser.parse("src", xml.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty());
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).reason();
    }

    @Test
    void parse_rss20_readsTitlesLinksDatesGuids() {
        ParsedFeed feed = parsed("qwen-blog-3-items.rss.xml", Optional.empty());

        assertThat(feed.title()).isEqualTo("Blog on Qwen");
        assertThat(feed.articles()).extracting(Article::title).containsExactly(
                "Qwen3Guard: Real-time Safety for Your Token Stream",
                "Qwen-Image-Edit: Image Editing with Higher Quality and Efficiency",
                "Qwen-Image: Crafting with Native Text Rendering");
        Article first = feed.articles().get(0);
        assertThat(first.link()).contains(URI.create("https://qwenlm.github.io/blog/qwen3guard/"));
        assertThat(first.guid()).isEqualTo("https://qwenlm.github.io/blog/qwen3guard/");
        assertThat(first.publishedAt()).contains(Instant.parse("2025-09-22T20:00:00Z"));
        assertThat(first.kind()).isEqualTo(ArticleKind.NEWS);
        assertThat(feed.ttl()).isEmpty();
    }

    @Test
    void parse_rss20_decodesEntitiesInDescriptionToText() {
        ParsedFeed feed = parsed("qwen-blog-3-items.rss.xml", Optional.empty());

        assertThat(feed.articles().get(1).text()).contains("Qwen-Image\u2019s unique text rendering");
    }

    @Test
    void parse_atom10_readsIdsLinksAndUpdatedAsDate() {
        ParsedFeed feed = parsed("deepseek-news-2-entries.atom", Optional.empty());

        assertThat(feed.title()).isEqualTo("Deepseek News");
        assertThat(feed.articles()).hasSize(2);
        Article first = feed.articles().get(0);
        assertThat(first.title()).isEqualTo("DeepSeek-V3.2 \u6b63\u5f0f\u7248\u53d1\u5e03 2025/12/01");
        assertThat(first.guid()).isEqualTo("72c64cd98ecc2bcc2eea135cff30dc11");
        assertThat(first.link()).contains(URI.create("https://api-docs.deepseek.com/zh-cn/news/news251201"));
        assertThat(first.publishedAt()).contains(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(first.text()).isEqualTo("DeepSeek news: DeepSeek-V3.2 \u6b63\u5f0f\u7248\u53d1\u5e03 2025/12/01");
    }

    @Test
    void parse_rdf_readsItemsDcDateAndStripsHtml() {
        ParsedFeed feed = parsed("rdf-rss10-two-items.rdf", Optional.empty());

        assertThat(feed.title()).isEqualTo("Example Lab News");
        Article first = feed.articles().get(0);
        assertThat(first.title()).isEqualTo("Model 7 is out");
        assertThat(first.link()).contains(URI.create("https://lab.example/news/model-7"));
        assertThat(first.guid()).isEqualTo("https://lab.example/news/model-7");
        assertThat(first.publishedAt()).contains(Instant.parse("2025-03-04T09:00:00Z"));
        assertThat(first.text()).isEqualTo("We release Model 7 today.");
        assertThat(feed.articles().get(1).publishedAt()).isEmpty();
    }

    @Test
    void parse_rssTtlAndRelativeLink_resolvesAgainstFeedLink() {
        ParsedFeed feed = parsed("rss-ttl-relative-links.xml", Optional.empty());

        assertThat(feed.ttl()).contains(Duration.ofMinutes(90));
        assertThat(feed.title()).isEqualTo("Relative links & ttl");
        assertThat(feed.articles().get(0).link()).contains(URI.create("https://news.example/blog/posts/one.html"));
    }

    @Test
    void parse_rssRelativeLinkWithDocumentUrl_resolvesAgainstDocumentUrl() {
        ParsedFeed feed = parsed("rss-ttl-relative-links.xml", Optional.of(URI.create("https://cdn.example/f/rss")));

        assertThat(feed.articles().get(0).link()).contains(URI.create("https://cdn.example/f/posts/one.html"));
    }

    @Test
    void parse_itemWithoutLinkOrGuid_getsStableHashGuid() {
        ParsedFeed feed = parsed("rss-ttl-relative-links.xml", Optional.empty());

        Article second = feed.articles().get(1);
        assertThat(second.link()).isEmpty();
        assertThat(second.guid()).startsWith("sha256:").hasSize(7 + 32);
        assertThat(parsed("rss-ttl-relative-links.xml", Optional.empty()).articles().get(1).guid())
                .isEqualTo(second.guid());
    }

    @Test
    void parse_atomXmlBase_resolvesNestedBaseAndHtmlTitle() {
        ParsedFeed feed = parsed("atom-xml-base.xml", Optional.empty());

        assertThat(feed.title()).isEqualTo("Base test");
        Article entry = feed.articles().get(0);
        assertThat(entry.link()).contains(URI.create("https://base.example/root/sub/page.html"));
        assertThat(entry.publishedAt()).contains(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(entry.text()).isEqualTo("Hello world");
    }

    @Test
    void parse_htmlDocument_rejectedAsNotAFeed() {
        assertThat(rejection("<html><body><p>hi</p></body></html>")).isEqualTo("not a feed: root element <html>");
    }

    @Test
    void parse_htmlPageThatIsNotXml_rejectedAsHtmlPage() {
        assertThat(rejection("<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Moved</title></head>"
                + "<body><p>Login<br></body></html>"))
                .isEqualTo("not a feed: the server sent an HTML page; check the url (the feed may have moved)");
    }

    @Test
    void parse_unclosedElement_rejectedWithLineNumber() {
        assertThat(rejection("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</channel></rss>"))
                .startsWith("not well-formed XML at line 4: ");
    }

    @Test
    void parse_internalSubset_rejectedAsDoctype() {
        assertThat(rejection("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss version=\"2.0\"/>"))
                .startsWith("DOCTYPE not allowed");
    }

    @Test
    void parse_empty_rejected() {
        assertThat(parser.parse("src", new byte[0], Optional.empty(), Optional.empty()))
                .isEqualTo(new ParseResult.Rejected("empty document"));
    }

    @Test
    void parse_hugeTitle_cutToMaximumWithMark() {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>" + "A".repeat(5000)
                + "</title><guid>g</guid></item></channel></rss>";

        ParseResult result = parser.parse("src", xml.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty());

        String title = ((ParseResult.Parsed) result).feed().articles().get(0).title();
        assertThat(title).hasSize(FeedParser.MAX_TITLE_CHARS).endsWith("A\u2026");
    }

    private String onlyTitle(byte[] xml, Optional<String> contentType) {
        ParseResult result = parser.parse("src", xml, contentType, Optional.empty());
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).feed().articles().get(0).title();
    }

    private static byte[] rssWithItemTitle(String title) {
        return ("<rss version=\"2.0\"><channel><title>f</title><item><title>" + title
                + "</title><guid>g</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_bareAmpersandAndUnknownEntity_keptAsText() {
        assertThat(onlyTitle(rssWithItemTitle("R&D at A&amp;B &bogus; &mdash; &#X41;"), Optional.empty()))
                .isEqualTo("R&D at A&B &bogus; \u2014 A");
    }

    @Test
    void parse_rssTitleWithEscapedScript_readAsHtml() {
        String title = "Hi &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=y&gt;there";

        assertThat(onlyTitle(rssWithItemTitle(title), Optional.empty())).isEqualTo("Hi there");
    }

    @Test
    void parse_ampersandInCdata_leftAsWritten() {
        assertThat(onlyTitle(rssWithItemTitle("<![CDATA[Q&amp;A]]>"), Optional.empty())).isEqualTo("Q&amp;A");
    }

    @Test
    void parse_rootEndTagCutBeforeBracket_repaired() {
        String xml = "<rss version=\"2.0\"><channel><item><title>ok</title></item></channel></rss";

        assertThat(onlyTitle(xml.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo("ok");
    }

    @Test
    void parse_unknownRssVersion_readAsRss20() {
        String xml = "<rss version=\"2.1\"><channel><item><title>new</title></item></channel></rss>";

        assertThat(onlyTitle(xml.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo("new");
    }

    @Test
    void parse_rssWithoutChannel_isEmptyFeed() {
        ParseResult result = parser.parse("src", "<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), Optional.empty());

        assertThat(result).isEqualTo(new ParseResult.Parsed(new ParsedFeed("", java.util.List.of(),
                Optional.empty())));
    }

    @Test
    void parse_itemsStraightUnderRss_areRead() {
        ParseResult result = parser.parse("src", ("<rss version=\"2.0\"><title>Stray</title><item><title>First</title>"
                + "<guid>a</guid></item><item><title>Second</title><guid>b</guid></item></rss>")
                .getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty());

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) result).feed().articles()).extracting(Article::title)
                .containsExactly("First", "Second");
    }

    @Test
    void parse_httpCharset_winsOverXmlDeclaration() {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item><title>caf\u00e9"
                + "</title></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(onlyTitle(xml, Optional.of("text/xml; charset=iso-8859-1"))).isEqualTo("caf\u00e9");
    }

    @Test
    void parse_utf32WithoutDeclaredSupport_sniffedFromBytes() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"utf-32\"?><rss version=\"2.0\"><channel><item><title>\u20ac"
                .concat("</title></item></channel></rss>").getBytes(java.nio.charset.Charset.forName("UTF-32LE"));

        assertThat(onlyTitle(xml, Optional.empty())).isEqualTo("\u20ac");
    }

    @Test
    void parse_dctermsIssuedOnly_usedAsDate() {
        String xml = "<rss version=\"2.0\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><channel><item><title>t</title>"
                + "<dcterms:issued>2025-03-04T10:14:55Z</dcterms:issued></item></channel></rss>";

        ParseResult result = parser.parse("src", xml.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty());

        assertThat(((ParseResult.Parsed) result).feed().articles().get(0).publishedAt())
                .contains(Instant.parse("2025-03-04T10:14:55Z"));
    }

    @Test
    void parse_base64Title_decoded() {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"application/octet-stream\">"
                + "TW9kZWwgWA==</title><id>urn:x</id></entry></feed>";

        assertThat(onlyTitle(xml.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo("Model X");
    }

    @Test
    void parse_doctypeWithoutInternalSubset_cutAndParsed() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel>"
                + "<title>f</title><link>https://n.example/</link><description>d</description><language>en</language>"
                + "<item><title>old</title><link>https://n.example/1</link></item></channel></rss>";

        assertThat(onlyTitle(xml.getBytes(StandardCharsets.UTF_8), Optional.empty())).isEqualTo("old");
    }

    /** Issue 17 item 8: JDOM threw IllegalDataException, unchecked and uncaught, for XML 1.1's C0 references. */
    @Test
    void parse_xml11WithControlReferences_keepsItemsWithoutTheControls() {
        ParsedFeed feed = parsed("xml11-control-characters.xml", Optional.empty());

        assertThat(feed.title()).isEqualTo("Lab]0;owned news");
        assertThat(feed.articles()).extracting(Article::title)
                .containsExactly("Model X[2J released gnp.exe", "Clean item");
        assertThat(feed.articles()).extracting(Article::guid).containsExactly("ctl-1", "ctl-2");
        assertThat(feed.articles().get(0).text()).isEqualTo("Line one[31m red0m.\nLine two.");
    }
}
