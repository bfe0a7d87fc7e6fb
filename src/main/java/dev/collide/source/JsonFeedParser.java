package dev.collide.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Feed 1.0 or 1.1 document (https://www.jsonfeed.org/version/1.1/) into the same plain-text articles
 * as {@link FeedParser}: HTML through {@link HtmlText}, links through {@link LinkFilter}, titles and texts capped at
 * the RSS limits. The guid is the item's {@code id}; an id seen twice in one document keeps its first item. A
 * document that is not JSON, names another version, lacks {@code items} or has an item without {@code id} is
 * rejected with the reason. Never throws for anything in the document. Thread-safe (no mutable state).
 */
final class JsonFeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFeedParser.class);
    private static final Set<String> VERSIONS = Set.of("https://jsonfeed.org/version/1",
            "https://jsonfeed.org/version/1.1", "http://jsonfeed.org/version/1", "http://jsonfeed.org/version/1.1");
    /** A JSON Feed is four levels deep; extensions may add a few. Jackson's default (1000) is for any JSON. */
    private static final int MAX_DEPTH = 64;

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());
    private final HtmlText html = new HtmlText();
    private final LinkFilter links = new LinkFilter();

    /**
     * True when the document can only be JSON: its first character (after a UTF-8 BOM and white space) is '{', which
     * no XML document starts with. The Content-Type is not asked: servers label feeds wrongly both ways.
     */
    static boolean isJson(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    ParseResult parse(String sourceId, byte[] body, Optional<URI> base) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (StreamConstraintsException e) {
            return new ParseResult.Rejected("not a JSON Feed: nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new ParseResult.Rejected("not valid JSON" + where + ": " + FeedDecoder.oneLine(
                    e.getOriginalMessage()));
        } catch (IOException e) {
            return new ParseResult.Rejected("cannot read the JSON document: " + FeedDecoder.oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return new ParseResult.Rejected("not a JSON Feed: the document is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual()) {
            return new ParseResult.Rejected("not a JSON Feed: no \"version\"; a JSON Feed starts with"
                    + " \"version\": \"https://jsonfeed.org/version/1.1\"");
        }
        if (!VERSIONS.contains(version.asText().strip())) {
            return new ParseResult.Rejected("unsupported JSON Feed version \"" + FeedDecoder.oneLine(version.asText())
                    + "\"; Collide reads https://jsonfeed.org/version/1 and /version/1.1");
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            return new ParseResult.Rejected("JSON Feed \"items\" is " + (items == null ? "missing" : "not an array")
                    + "; the spec requires an array (maybe empty)");
        }
        Optional<URI> linkBase = base.isPresent() ? base
                : links.safeLink(text(root, "home_page_url"), Optional.empty());
        List<Article> articles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                return new ParseResult.Rejected("JSON Feed item " + (i + 1) + " is not an object");
            }
            JsonNode id = item.get("id");
            // 1.1: "if an id is presented as a number, the JSON Feed reader must coerce it to a string"
            if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
                return new ParseResult.Rejected("JSON Feed item " + (i + 1) + " has no \"id\" (a string the spec"
                        + " requires, used to recognise the item on the next poll)");
            }
            String guid = id.asText().strip();
            if (!ids.add(guid)) {
                LOG.info("source={} JSON Feed item {} repeats id {}; the first one is kept", sourceId, i + 1, guid);
                continue;
            }
            articles.add(toArticle(sourceId, guid, item, linkBase));
        }
        String title = FeedParser.cap(plain(text(root, "title")), FeedParser.MAX_TITLE_CHARS, sourceId, "feed title");
        return new ParseResult.Parsed(new ParsedFeed(title, articles, Optional.empty()));
    }

    private Article toArticle(String sourceId, String guid, JsonNode item, Optional<URI> base) {
        String title = FeedParser.cap(plain(text(item, "title")), FeedParser.MAX_TITLE_CHARS, sourceId, "title");
        Optional<URI> link = links.safeLink(text(item, "url"), base)
                .or(() -> links.safeLink(text(item, "external_url"), base));
        Optional<Instant> published = date(text(item, "date_published")).or(() -> date(text(item, "date_modified")));
        String body = FeedParser.cap(body(item), FeedParser.MAX_TEXT_CHARS, sourceId, "text");
        return new Article(sourceId, guid, link, title, body, published, ArticleKind.NEWS, Optional.empty(),
                List.of());
    }

    /** content_html first, so a blog's JSON Feed gives the same text as its RSS feed; then content_text, summary. */
    private String body(JsonNode item) {
        String contentHtml = text(item, "content_html");
        if (contentHtml != null && !contentHtml.isBlank()) {
            return html.text(contentHtml);
        }
        String contentText = text(item, "content_text");
        if (contentText != null && !contentText.isBlank()) {
            return plain(contentText);
        }
        String summary = text(item, "summary");
        return summary == null ? "" : plain(summary);
    }

    /** Plain text stays as written unless it carries code-bearing markup, which is read as HTML (see FeedParser). */
    private String plain(String value) {
        if (value == null) {
            return "";
        }
        return FeedParser.CODE_MARKUP.matcher(value).find() ? html.text(value) : value.strip();
    }

    /** RFC 3339 as the spec requires; anything else is an undated item, as an unreadable RSS pubDate is. */
    private static Optional<Instant> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A string member, or null when absent or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
