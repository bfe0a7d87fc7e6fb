package dev.collide.source;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.DateParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
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
    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    static final Pattern CODE_MARKUP = Pattern.compile(
            "(?i)<\\s*/?\\s*(?:script|style|iframe|frame|object|embed|applet|svg|math|img|link|meta|base|form)\\b"
                    + "|<[a-z][^>]{0,200}\\son[a-z]+\\s*=");
    private static final Set<String> KNOWN_RSS_VERSIONS =
            Set.of("0.90", "0.91", "0.92", "0.93", "0.94", "2.0");

    private final FeedDecoder decoder = new FeedDecoder();
    private final JsonFeedParser jsonFeeds = new JsonFeedParser();
    private final HtmlText html = new HtmlText();
    private final LinkFilter links = new LinkFilter();
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
            for (Element child : new java.util.ArrayList<>(root.getChildren())) {
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
            return new ParseResult.Parsed(toFeed(sourceId, wireFeed, base, itemDates));
        } catch (RuntimeException e) {
            // Rome's converters and getters fail on odd values (a date, a module) in ways its API does not
            // declare; the contract of this class is a result, never an exception, for anything in the document
            LOG.warn("source={} Rome failed converting the feed", sourceId, e);
            return new ParseResult.Rejected("cannot read the feed: " + FeedDecoder.oneLine(e.toString()));
        }
    }

    /** {@code itemDates}: pubDates read ahead of Rome, by entry position (see {@link RssItemDates}). */
    private ParsedFeed toFeed(String sourceId, WireFeed wireFeed, Optional<URI> base,
                              List<Optional<Instant>> itemDates) {
        SyndFeed feed = new SyndFeedImpl(wireFeed);
        Optional<URI> feedLink = links.safeLink(feed.getLink(), base);
        Optional<URI> linkBase = base.isPresent() ? base : feedLink;
        var articles = new ArrayList<Article>();
        List<SyndEntry> entries = feed.getEntries();
        boolean datesMatch = itemDates.size() == entries.size();
        for (int i = 0; i < entries.size(); i++) {
            articles.add(toArticle(sourceId, entries.get(i), linkBase,
                    datesMatch ? itemDates.get(i) : Optional.empty()));
        }
        String title = cap(plain(feed.getTitleEx(), feed.getTitle()), MAX_TITLE_CHARS, sourceId, "feed title");
        return new ParsedFeed(title, articles, ttl(wireFeed));
    }

    private Article toArticle(String sourceId, SyndEntry entry, Optional<URI> linkBase, Optional<Instant> pubDate) {
        String title = cap(plain(entry.getTitleEx(), entry.getTitle()), MAX_TITLE_CHARS, sourceId, "title");
        Optional<URI> link = link(entry, linkBase);
        // a pubDate read ahead of Rome is what Rome would have made the published date
        Optional<Instant> published = pubDate.or(() -> firstDate(entry.getPublishedDate(), entry.getUpdatedDate()))
                .or(() -> dublinCoreTermsDate(entry));
        String text = cap(body(entry), MAX_TEXT_CHARS, sourceId, "text");
        String guid = guid(entry, link, title, published);
        return new Article(sourceId, guid, link, title, text, published, ArticleKind.NEWS, Optional.empty(),
                List.of());
    }

    /**
     * Titles are text unless the feed says html/xhtml (Atom type): an RSS title "&lt;b&gt;" stays visible. A text title
     * that carries code-bearing markup (script, iframe, an on* handler) is read as HTML all the same, so that no
     * later renderer that forgets to escape can be made to run it.
     */
    private String plain(SyndContent typed, String fallback) {
        if (typed == null || typed.getValue() == null) {
            return fallback == null ? "" : fallback.strip();
        }
        String value = typed.getValue();
        if (isBase64(typed.getType())) {
            value = decodeBase64(value);
        }
        return isHtml(typed.getType()) || CODE_MARKUP.matcher(value).find() ? html.text(value) : value.strip();
    }

    /** Content over summary; both are treated as HTML, since RSS does not say and plain text passes unchanged. */
    private String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return html.text(content.getValue());
            }
        }
        SyndContent description = entry.getDescription();
        return description == null ? "" : html.text(description.getValue());
    }

    private Optional<URI> link(SyndEntry entry, Optional<URI> base) {
        Optional<URI> primary = links.safeLink(entry.getLink(), base);
        if (primary.isPresent()) {
            return primary;
        }
        for (SyndLink candidate : entry.getLinks()) {
            String rel = candidate.getRel();
            if (rel == null || rel.equals("alternate")) {
                Optional<URI> safe = links.safeLink(candidate.getHref(), base);
                if (safe.isPresent()) {
                    return safe;
                }
            }
        }
        return Optional.empty();
    }

    /** Entry id / RSS guid, else the link, else a hash of title and date, so a re-poll maps to the same guid. */
    private static String guid(SyndEntry entry, Optional<URI> link, String title, Optional<Instant> published) {
        String uri = entry.getUri();
        if (uri != null && !uri.isBlank()) {
            return uri.strip();
        }
        if (link.isPresent()) {
            return link.get().toString();
        }
        return "sha256:" + sha256(title + "\n" + published.map(Instant::toString).orElse(""));
    }

    private static Optional<Instant> firstDate(Date... dates) {
        for (Date date : dates) {
            if (date != null) {
                return Optional.of(date.toInstant());
            }
        }
        return Optional.empty();
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

    /** dcterms:issued, created or modified: Rome reads dc:date but leaves DC terms in the foreign markup. */
    private static Optional<Instant> dublinCoreTermsDate(SyndEntry entry) {
        for (String name : List.of("issued", "created", "modified")) {
            for (Element element : entry.getForeignMarkup()) {
                if (element.getName().equals(name) && DC_TERMS.equals(element.getNamespaceURI())) {
                    Date date = DateParser.parseDate(element.getTextTrim(), Locale.US);
                    if (date != null) {
                        return Optional.of(date.toInstant());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> ttl(WireFeed feed) {
        if (feed instanceof Channel channel && channel.getTtl() > 0) {
            return Optional.of(Duration.ofMinutes(channel.getTtl()));
        }
        return Optional.empty();
    }

    static String cap(String value, int max, String sourceId, String what) {
        if (value.length() <= max) {
            return value;
        }
        LOG.info("source={} {} of {} characters cut to {}", sourceId, what, value.length(), max);
        return value.substring(0, max - CUT_MARK.length()) + CUT_MARK;
    }

    /** RFC 4287 4.1.3.3: a MIME type that is neither text nor XML means the element holds base64. */
    private static boolean isBase64(String type) {
        if (type == null || !type.contains("/")) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return !lower.startsWith("text/") && !lower.endsWith("+xml") && !lower.endsWith("/xml");
    }

    private static String decodeBase64(String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static boolean isHtml(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).contains("html");
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

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
