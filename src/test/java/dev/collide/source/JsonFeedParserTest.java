package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JSON Feed through the one entry point sources use, {@link FeedParser#parse}. */
class JsonFeedParserTest {
    private static final Optional<URI> BASE = Optional.of(URI.create("https://qwen.example.org/feed.json"));
    private final FeedParser parser = new FeedParser();

    private ParseResult parse(String fixture) {
        return parser.parse("qwen-notes", FeedParserTest.fixture(fixture), Optional.of("application/feed+json"),
                BASE);
    }

    private ParseResult parseText(String json) {
        return parser.parse("qwen-notes", json.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
    }

    private static List<Article> articles(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).feed().articles();
    }

    @Test
    void parse_version11_readsTitleAndDeduplicatesById() {
        ParseResult result = parse("jsonfeed-11-podcast-blog.json");

        assertThat(((ParseResult.Parsed) result).feed().title()).isEqualTo("Qwen Research Notes");
        assertThat(articles(result)).extracting(Article::guid).containsExactly(
                "https://qwen.example.org/blog/qwen3-coder/", "20250421", "note-17");
    }

    @Test
    void parse_contentHtml_becomesTextWithoutScriptAsForRss() {
        Article first = articles(parse("jsonfeed-11-podcast-blog.json")).get(0);

        assertThat(first.title()).isEqualTo("Qwen3-Coder: Agentic Coding");
        assertThat(first.text()).isEqualTo("Today we release Qwen3-Coder-480B-A35B-Instruct, our most agentic code "
                + "model. Try it & tell us.");
        assertThat(first.text()).isEqualTo(new HtmlText().text("<p>Today we release <b>Qwen3-Coder-480B-A35B-Instruct"
                + "</b>, our most agentic code model.</p><script>track()</script><p>Try it &amp; tell us.</p>"));
    }

    @Test
    void parse_relativeUrlAndPublishedDate_resolvedAndPublishedWins() {
        Article first = articles(parse("jsonfeed-11-podcast-blog.json")).get(0);

        assertThat(first.link()).contains(URI.create("https://qwen.example.org/blog/qwen3-coder/"));
        assertThat(first.publishedAt()).contains(Instant.parse("2025-07-22T13:00:00Z"));
    }

    @Test
    void parse_onlyDateModifiedAndExternalUrl_usesBoth() {
        Article second = articles(parse("jsonfeed-11-podcast-blog.json")).get(1);

        assertThat(second.link()).contains(URI.create("https://arxiv.org/abs/2505.09388"));
        assertThat(second.publishedAt()).contains(Instant.parse("2025-05-14T12:00:00Z"));
        assertThat(second.text()).isEqualTo("The technical report of Qwen3.\n\nIt covers dense and MoE models.");
    }

    @Test
    void parse_javascriptUrlAndFreeTextDate_droppedNotFailed() {
        Article note = articles(parse("jsonfeed-11-podcast-blog.json")).get(2);

        assertThat(note.link()).isEmpty();
        assertThat(note.publishedAt()).isEmpty();
        assertThat(note.title()).isEmpty();
        assertThat(note.text()).isEqualTo("A short note without title or date.");
    }

    @Test
    void parse_version1WithAuthorObject_readsItems() {
        List<Article> items = articles(parse("jsonfeed-10-author.json"));

        assertThat(items).extracting(Article::guid).containsExactly("2", "1");
        assertThat(items).extracting(Article::text).containsExactly("This is a second item.", "Hello, world!");
    }

    @Test
    void parse_truncatedJson_rejectedWithPosition() {
        ParseResult result = parse("jsonfeed-truncated.json");

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) result).reason()).startsWith("not valid JSON at line 5, column ");
    }

    @Test
    void parse_itemWithoutId_rejectedNamingTheItem() {
        ParseResult result = parse("jsonfeed-item-without-id.json");

        assertThat(result).isEqualTo(new ParseResult.Rejected("JSON Feed item 2 has no \"id\" (a string the spec"
                + " requires, used to recognise the item on the next poll)"));
    }

    @Test
    void parse_otherVersion_rejectedNamingIt() {
        ParseResult result = parseText("{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}");

        assertThat(result).isEqualTo(new ParseResult.Rejected("unsupported JSON Feed version"
                + " \"https://jsonfeed.org/version/2\"; Collide reads https://jsonfeed.org/version/1 and"
                + " /version/1.1"));
    }

    @Test
    void parse_jsonWithoutVersion_rejectedAsNotAJsonFeed() {
        ParseResult result = parseText("{\"models\": []}");

        assertThat(result).isEqualTo(new ParseResult.Rejected("not a JSON Feed: no \"version\"; a JSON Feed starts"
                + " with \"version\": \"https://jsonfeed.org/version/1.1\""));
    }

    @Test
    void parse_itemsNotAnArray_rejected() {
        ParseResult result = parseText("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\","
                + " \"items\": {\"id\": \"a\"}}");

        assertThat(result).isEqualTo(new ParseResult.Rejected("JSON Feed \"items\" is not an array; the spec"
                + " requires an array (maybe empty)"));
    }

    @Test
    void parse_deeplyNestedExtension_rejectedBeforeBuildingIt() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        ParseResult result = parseText("{\"version\": \"https://jsonfeed.org/version/1.1\", \"_x\": " + deep
                + ", \"items\": []}");

        assertThat(result).isEqualTo(new ParseResult.Rejected("not a JSON Feed: nested deeper than 64 levels"));
    }

    @Test
    void parse_codeMarkupInPlainTitle_readAsHtml() {
        ParseResult result = parseText("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"x\","
                + " \"title\": \"Qwen3 <img src=x onerror=alert(1)> released\"}]}");

        assertThat(articles(result).get(0).title()).isEqualTo("Qwen3 released");
    }

    @Test
    void parse_bomAndWhitespaceBeforeBrace_detectedAsJson() {
        byte[] body = ("\uFEFF \n{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}")
                .getBytes(StandardCharsets.UTF_8);

        ParseResult result = parser.parse("qwen-notes", body, Optional.of("text/xml"), BASE);

        assertThat(articles(result)).isEmpty();
    }

    /** Issue 17 item 8: JSON escapes reach every control character; the Article keeps none of them. */
    @Test
    void parse_controlCharactersInStrings_removedFromTheArticle() {
        List<Article> articles = articles(parseText("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "Notes",
                 "items": [{"id": "n\\u001b1", "title": "Qwen\\u001b[2J 9 \\u202Eout\\u009b",
                            "content_text": "Body\\u0007 line\\r\\nnext\\u2066", "tags": ["a\\u001bb"]}]}
                """));

        Article article = articles.get(0);
        assertThat(article.title()).isEqualTo("Qwen[2J 9 out");
        assertThat(article.text()).isEqualTo("Body line\nnext");
        assertThat(article.guid()).isEqualTo("nU+001B1");
    }
}
