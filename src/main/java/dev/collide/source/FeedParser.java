package dev.collide.source;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an RSS 0.9x/1.0/2.0, RDF or Atom 0.3/1.0 document into plain-text articles. Hostile input is expected: no
 * DTD, entity or network access happens because of the document; HTML becomes text; only http(s) links survive;
 * titles and texts are capped. Never throws for anything in the document. Thread-safe (no mutable state).
 * A JSON Feed 1.0/1.1 document (its first character is '{') goes to {@link JsonFeedParser} (issue #16).
 */
public final class FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
    public static final int MAX_TITLE_CHARS = 1_000;
    public static final int MAX_TEXT_CHARS = 100_000;
    private static final String CUT_MARK = "\u2026";
    static final Pattern CODE_MARKUP = Pattern.compile(
            "(?i)<\\s*/?\\s*(?:script|style|iframe|frame|object|embed|applet|svg|math|img|link|meta|base|form)\\b"
                    + "|<[a-z][^>]{0,200}\\son[a-z]+\\s*=");
    private static final Set<String> KNOWN_RSS_VERSIONS =
            Set.of("0.90", "0.91", "0.92", "0.93", "0.94", "2.0");

    private final FeedDecoder decoder = new FeedDecoder();
    private final JsonFeedParser jsonFeeds = new JsonFeedParser();
    private final ArticleReader articles = new ArticleReader();
    private final XmlRepair repair = new XmlRepair();
    private final XmlLimits limits = new XmlLimits();
    /** One hardened builder per thread, reused: this instance serves all fetch workers. */
    private final ThreadLocal<RomeFeedInput> inputs = ThreadLocal.withInitial(RomeFeedInput::new);

    /**
     * @param sourceId    put into every article
     * @param body        the document as fetched
     * @param contentType the HTTP Content-Type, if any (its charset wins over the XML declaration)
     * @param base        the document's URL, for relative links; absent for bytes without a location
     */
    public ParseResult parse(String sourceId, byte[] body, Optional<String> contentType, Optional<URI> base) {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(base, "base");
        if (body.length == 0) {
            return new ParseResult.Rejected("empty document");
        }
        if (JsonFeedParser.isJson(body)) {
            return jsonFeeds.parse(sourceId, body, base);
        }
        var decoded = decoder.decode(body, contentType);
        if (decoded instanceof FeedDecoder.Decoded.Refused refused) {
            return new ParseResult.Rejected(refused.reason());
        }
        String xml = repair.repair(((FeedDecoder.Decoded.Text) decoded).xml());
        Optional<String> overLimit = limits.check(xml);
        if (overLimit.isPresent()) {
            return new ParseResult.Rejected(overLimit.get());
        }
        RomeFeedInput input = inputs.get();
        Document document;
        try {
            document = input.parseXml(xml);
        } catch (JDOMParseException e) {
            if (looksLikeHtml(xml, contentType)) {
                return new ParseResult.Rejected("not a feed: the server sent an HTML page; check the url (the feed "
                        + "may have moved)");
            }
            return new ParseResult.Rejected(describe(e));
        } catch (JDOMException | IOException e) {
            return new ParseResult.Rejected("not well-formed XML: " + FeedDecoder.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // JDOM's builder throws unchecked exceptions for content its XML 1.0 tree refuses (IllegalDataException,
            // IllegalNameException) that the SAX parser passed, e.g. in an XML 1.1 document
            return new ParseResult.Rejected("not well-formed XML: " + FeedDecoder.oneLine(e.getMessage()));
        }
        new XmlBaseResolver().resolve(document, base);
        Element root = document.getRootElement();
        if (root.getName().equals("rss") && channelOf(root) == null
                && !root.getChildren("item", root.getNamespace()).isEmpty()) {
            // <item> straight under <rss>, no <channel> (five files of feedparser's corpus): read them as the
            // channel's, rather than as an empty feed (issue 17 item 9)
            Element channel = new Element("channel", root.getNamespace());
            for (Element child : new ArrayList<>(root.getChildren())) {
                channel.addContent(child.detach());
            }
            root.addContent(channel);
        }
        if (isRss(root) && channelOf(root) == null) {
            // Rome dies with a NullPointerException on an RSS root without <channel>; it is simply an empty feed
            return new ParseResult.Parsed(new ParsedFeed("", List.of(), Optional.empty()));
        }
        String version = root.getAttributeValue("version");
        if (root.getName().equals("rss") && version != null && !KNOWN_RSS_VERSIONS.contains(version.strip())) {
            // "2.1", "2.0.1", "0.95": RSS kept its element set; Rome only picks a parser by the exact number
            root.setAttribute("version", "2.0");
        }
        List<Optional<Instant>> itemDates = RssItemDates.take(root, channelOf(root));
        WireFeed wireFeed;
        try {
            wireFeed = input.build(document);
        } catch (IllegalArgumentException e) {
            // Rome 2.1 WireFeedInput.build: "Invalid document" when no parser claims the root element
            if ("Invalid document".equals(e.getMessage())) {
                return new ParseResult.Rejected("not a feed: root element <" + root.getName() + ">");
            }
            return new ParseResult.Rejected("cannot read the feed: " + FeedDecoder.oneLine(e.toString()));
        } catch (FeedException | RuntimeException e) {
            // Rome's parsers throw assorted runtime exceptions on odd but well-formed input; one feed must not
            // stop the run, so they become a rejection with the cause
            return new ParseResult.Rejected("cannot read the feed: " + FeedDecoder.oneLine(e.toString()));
        }
        try {
            return new ParseResult.Parsed(articles.read(sourceId, wireFeed, base, itemDates));
        } catch (RuntimeException e) {
            // Rome's converters and getters fail on odd values (a date, a module) in ways its API does not
            // declare; the contract of this class is a result, never an exception, for anything in the document
            LOG.warn("source={} Rome failed converting the feed", sourceId, e);
            return new ParseResult.Rejected("cannot read the feed: " + FeedDecoder.oneLine(e.toString()));
        }
    }

    private static boolean looksLikeHtml(String text, Optional<String> contentType) {
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).contains("html")).orElse(false)) {
            return true;
        }
        String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html");
    }

    private static boolean isRss(Element root) {
        return root.getName().equals("rss") || root.getName().equals("RDF");
    }

    private static Element channelOf(Element root) {
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return null;
    }

    static String cap(String value, int max, String sourceId, String what) {
        if (value.length() <= max) {
            return value;
        }
        LOG.info("source={} {} of {} characters cut to {}", sourceId, what, value.length(), max);
        return value.substring(0, max - CUT_MARK.length()) + CUT_MARK;
    }

    private static String describe(JDOMParseException e) {
        String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : e.getMessage();
        if (detail != null && detail.contains("disallow-doctype-decl")) {
            return "DOCTYPE not allowed";
        }
        if (detail != null && (detail.contains("must start and end within the same entity")
                || detail.contains("Premature end of file"))) {
            return "not well-formed XML at line " + e.getLineNumber() + ": the document ends early (truncated "
                    + "transfer or empty body)";
        }
        return "not well-formed XML at line " + e.getLineNumber() + ": " + FeedDecoder.oneLine(detail);
    }

}
