package dev.collide.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads RSS items' {@code pubDate} ahead of Rome. Rome's DateParser builds a new SimpleDateFormat for every mask it
 * tries on every date, which is most of Rome's time on an ordinary feed (issue #9 parse benchmark). A pubDate in the
 * RFC 1123 form (RSS 2.0 spec; nearly every feed) is parsed here with java.time and detached, so Rome does not parse
 * it again; any other form stays in the document for Rome's lenient parsing, as before.
 */
final class RssItemDates {
    /** The RSS versions whose item parser reads pubDate (Rome's RSS093Parser and later). */
    private static final Set<String> VERSIONS_WITH_PUB_DATE = Set.of("0.93", "0.94", "2.0");

    private RssItemDates() {
    }

    /**
     * Takes the pubDates of {@code channel}'s items, in document order (Rome's entry order); an empty list when the
     * document is not RSS 0.93+, and an empty Optional for an item whose date is left to Rome.
     */
    static List<Optional<Instant>> take(Element root, Element channel) {
        String version = root.getAttributeValue("version");
        // Rome's RSS parsers read channel and items in no namespace only; so does this
        if (channel == null || !root.getName().equals("rss") || version == null
                || !VERSIONS_WITH_PUB_DATE.contains(version.strip())) {
            return List.of();
        }
        List<Optional<Instant>> dates = new ArrayList<>();
        for (Element item : channel.getChildren("item", Namespace.NO_NAMESPACE)) {
            List<Element> pubDates = item.getChildren("pubDate", Namespace.NO_NAMESPACE);
            Optional<Instant> date = pubDates.size() == 1 ? rfc1123(pubDates.get(0).getTextTrim()) : Optional.empty();
            if (date.isPresent()) {
                item.removeContent(pubDates.get(0));
            }
            dates.add(date);
        }
        return dates;
    }

    private static Optional<Instant> rfc1123(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
