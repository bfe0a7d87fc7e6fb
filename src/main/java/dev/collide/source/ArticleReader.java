package dev.collide.source;

import static dev.collide.source.FeedParser.CODE_MARKUP;
import static dev.collide.source.FeedParser.MAX_TEXT_CHARS;
import static dev.collide.source.FeedParser.MAX_TITLE_CHARS;
import static dev.collide.source.FeedParser.cap;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.impl.DateParser;
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
import java.util.Optional;
import org.jdom2.Element;

/**
 * Turns the feed Rome built into plain-text articles for {@link FeedParser}: HTML becomes text, only http(s) links
 * survive, titles and texts are capped, and an entry without an id still gets a stable guid. May throw a
 * RuntimeException where Rome's converters fail on odd values; {@link FeedParser} turns that into a rejection.
 * Thread-safe (no mutable state).
 */
final class ArticleReader {
    private static final String DC_TERMS = "http://purl.org/dc/terms/";

    private final HtmlText html = new HtmlText();
    private final LinkFilter links = new LinkFilter();

    /** {@code itemDates}: pubDates read ahead of Rome, by entry position (see {@link RssItemDates}). */
    ParsedFeed read(String sourceId, WireFeed wireFeed, Optional<URI> base, List<Optional<Instant>> itemDates) {
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

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
