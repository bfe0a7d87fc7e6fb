package dev.collide.source;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an RSS 0.9x/1.0/2.0, RDF or Atom 0.3/1.0 document into plain-text articles. Hostile input is expected: no
 * DTD, entity or network access happens because of the document; HTML becomes text; only http(s) links survive;
 * titles and texts are capped. Never throws for anything in the document. Thread-safe (no mutable state).
 */
public final class FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
    public static final int MAX_TITLE_CHARS = 1_000;
    public static final int MAX_TEXT_CHARS = 100_000;
    private static final String CUT_MARK = "\u2026";

    private final FeedDecoder decoder = new FeedDecoder();
    private final HtmlText html = new HtmlText();
    private final LinkFilter links = new LinkFilter();

    /**
     * @param sourceId    put into every article
     * @param body        the document as fetched
     * @param contentType the HTTP Content-Type, if any (its charset wins over the XML declaration)
     * @param base        the document's URL, for relative links; absent for bytes without a location
     */
    public ParseResult parse(String sourceId, byte[] body, Optional<String> contentType, Optional<URI> base) {
        if (body.length == 0) {
            return new ParseResult.Rejected("empty document");
        }
        var decoded = decoder.decode(body, contentType);
        if (decoded instanceof FeedDecoder.Decoded.Refused refused) {
            return new ParseResult.Rejected(refused.reason());
        }
        String xml = ((FeedDecoder.Decoded.Text) decoded).xml();
        var input = new RomeFeedInput();
        Document document;
        try {
            document = input.parseXml(xml);
        } catch (JDOMParseException e) {
            return new ParseResult.Rejected(describe(e));
        } catch (JDOMException | IOException e) {
            return new ParseResult.Rejected("not well-formed XML: " + FeedDecoder.oneLine(e.getMessage()));
        }
        new XmlBaseResolver().resolve(document, base);
        WireFeed wireFeed;
        try {
            wireFeed = input.build(document);
        } catch (IllegalArgumentException e) {
            return new ParseResult.Rejected("not a feed: root element <" + document.getRootElement().getName() + ">");
        } catch (FeedException | RuntimeException e) {
            // Rome's parsers throw assorted runtime exceptions on odd but well-formed input; one feed must not
            // stop the run, so they become a rejection with the cause
            return new ParseResult.Rejected("cannot read the feed: " + FeedDecoder.oneLine(e.toString()));
        }
        SyndFeed feed = new SyndFeedImpl(wireFeed);
        Optional<URI> feedLink = links.safeLink(feed.getLink(), base);
        Optional<URI> linkBase = base.isPresent() ? base : feedLink;
        var articles = new ArrayList<Article>();
        for (SyndEntry entry : feed.getEntries()) {
            articles.add(toArticle(sourceId, entry, linkBase));
        }
        String title = cap(plain(feed.getTitleEx(), feed.getTitle()), MAX_TITLE_CHARS, sourceId, "feed title");
        return new ParseResult.Parsed(new ParsedFeed(title, articles, ttl(wireFeed)));
    }

    private Article toArticle(String sourceId, SyndEntry entry, Optional<URI> linkBase) {
        String title = cap(plain(entry.getTitleEx(), entry.getTitle()), MAX_TITLE_CHARS, sourceId, "title");
        Optional<URI> link = link(entry, linkBase);
        Optional<Instant> published = firstDate(entry.getPublishedDate(), entry.getUpdatedDate());
        String text = cap(body(entry), MAX_TEXT_CHARS, sourceId, "text");
        String guid = guid(entry, link, title, published);
        return new Article(sourceId, guid, link, title, text, published, ArticleKind.NEWS, Optional.empty(),
                List.of());
    }

    /** Titles are text unless the feed says html/xhtml (Atom type); an RSS title "&lt;b&gt;" stays visible. */
    private String plain(SyndContent typed, String fallback) {
        if (typed == null || typed.getValue() == null) {
            return fallback == null ? "" : fallback.strip();
        }
        String value = typed.getValue();
        return isHtml(typed.getType()) ? html.text(value) : value.strip();
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

    private static Optional<Duration> ttl(WireFeed feed) {
        if (feed instanceof Channel channel && channel.getTtl() > 0) {
            return Optional.of(Duration.ofMinutes(channel.getTtl()));
        }
        return Optional.empty();
    }

    private static String cap(String value, int max, String sourceId, String what) {
        if (value.length() <= max) {
            return value;
        }
        LOG.info("source={} {} of {} characters cut to {}", sourceId, what, value.length(), max);
        return value.substring(0, max - CUT_MARK.length()) + CUT_MARK;
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
