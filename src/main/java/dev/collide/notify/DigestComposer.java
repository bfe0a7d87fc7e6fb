package dev.collide.notify;

import dev.collide.config.Lab;
import dev.collide.store.ArchiveReader;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoreException;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders one day's digest (HTML and plain text) from the archive: collisions and release events first seen in the
 * window, the most-cited articles fetched in it, and sources that need attention. Both parts are jte templates
 * ({@code src/main/jte/html/notify/digest.jte}, {@code src/main/jte/plain/notify/digestText.jte}); the HTML one
 * escapes every string ({@link HtmlOutput}), and only http(s) links become anchors, so a feed cannot inject markup
 * or scripts into the mail.
 */
public final class DigestComposer {
    static final int CITED_ARTICLES = 5;
    /** A source that yielded items before but nothing for this long is listed as silent. */
    static final Duration SILENT_AFTER = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Newest release first, as the archive lists collisions; a collision with an unknown date last. */
    private static final Comparator<StoredCollision> NEWEST_FIRST = Comparator.comparing(
            (StoredCollision c) -> latest(c), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(StoredCollision::id);
    /** Stateless once loaded: the templates are classes in the jar (src/main/jte/html and plain). */
    private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.collide");
    private static final TemplateEngine TEXT = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
            "dev.collide");

    private final ArchiveReader events;
    private final JdbcSourceStateStore sources;
    private final JdbcCitedArticles cited;
    private final URI archiveUrl;
    private final Map<String, String> labNames;

    /** {@code labs}: from config/labs.yml, for the labs' display names. */
    public DigestComposer(ArchiveReader events, JdbcSourceStateStore sources, JdbcCitedArticles cited,
                          URI archiveUrl, List<Lab> labs) {
        this.events = events;
        this.sources = sources;
        this.cited = cited;
        this.archiveUrl = archiveUrl;
        this.labNames = labs.stream().collect(Collectors.toUnmodifiableMap(Lab::id, Lab::name));
    }

    record Attention(String sourceId, String problem) {
    }

    record CollisionItem(URI link, String title, String facts) {
    }

    record EventItem(URI link, String model, String facts) {
    }

    /** {@code name}: the lab's display name from config/labs.yml, its id when it is no longer configured. */
    record LabGroup(String name, List<EventItem> events) {
    }

    record ArticleItem(Optional<URI> link, String title, String facts) {
    }

    /** What the templates {@code notify/digest.jte} (HTML) and {@code notify/digestText.jte} (text) show. */
    record DigestView(String subject, String period, boolean quiet, List<CollisionItem> collisions,
                      List<LabGroup> labs, int eventCount, List<ArticleItem> articles, List<Attention> attention,
                      URI archiveUrl) {
    }

    /** The digest dated {@code date}, covering [{@code from}, {@code to}); times are shown in {@code zone}. */
    public Digest compose(LocalDate date, Instant from, Instant to, ZoneId zone) throws StoreException {
        // both periods are read in SQL, so a large archive cannot push a day's news past a listing limit
        List<StoredCollision> collisions = new ArrayList<>(events.collisionsCreatedBetween(from, to));
        collisions.sort(NEWEST_FIRST);
        Map<String, List<StoredEvent>> byLab = new TreeMap<>();
        for (StoredEvent e : events.eventsFirstSeenBetween(from, to)) {
            byLab.computeIfAbsent(e.lab(), k -> new ArrayList<>()).add(e);
        }
        List<LabGroup> labs = new ArrayList<>();
        byLab.forEach((lab, list) -> labs.add(new LabGroup(labNames.getOrDefault(lab, lab), list.stream()
                .map(e -> new EventItem(URI.create(archiveUrl + "/events/" + e.id()), e.model(),
                        date(e) + ", " + plural(e.sourceCount(), "source"))).toList())));
        labs.sort(Comparator.comparing(LabGroup::name, String.CASE_INSENSITIVE_ORDER));
        int eventCount = byLab.values().stream().mapToInt(List::size).sum();
        boolean quiet = collisions.isEmpty() && eventCount == 0;
        String subject = "Collide digest " + date + ": " + (quiet ? "nothing new"
                : plural(collisions.size(), "new collision") + ", " + plural(eventCount, "new release"));
        String period = from.atZone(zone).format(WHEN) + " to " + to.atZone(zone).format(WHEN) + " (" + zone + ")";
        var view = new DigestView(subject, period, quiet, collisions.stream().map(this::item).toList(), labs,
                eventCount, cited.mostCited(from, to, CITED_ARTICLES).stream().map(a -> new ArticleItem(a.link(),
                a.title(), a.sourceId() + ", " + plural(a.releaseMentions(), "release mention"))).toList(),
                attention(to), archiveUrl);
        HtmlOutput html = new HtmlOutput();
        HTML.render("notify/digest.jte", view, html);
        StringOutput text = new StringOutput();
        TEXT.render("notify/digestText.jte", view, text);
        return new Digest(date, subject, text.toString(), html.toString(), quiet);
    }

    private CollisionItem item(StoredCollision c) {
        return new CollisionItem(URI.create(archiveUrl + "/collisions/" + c.id()),
                c.a().model() + " × " + c.b().model(), describe(c.a()) + " · " + describe(c.b()) + " · "
                + c.gapDays().map(g -> plural(g, "day") + " apart · ").orElse("") + c.tier().label());
    }

    /** Failing now, or silent for {@link #SILENT_AFTER} after having yielded items. */
    private List<Attention> attention(Instant now) throws StoreException {
        List<Attention> result = new ArrayList<>();
        for (SourceHealth h : sources.all()) {
            Optional<String> flagged = h.attention(); // the same rule as `collide sources`
            if (flagged.isPresent()) {
                result.add(new Attention(h.sourceId(), flagged.get()));
            } else if (h.errorCount() > 0
                    && ("failed".equals(h.lastStatus()) || "rate-limited".equals(h.lastStatus()))) {
                result.add(new Attention(h.sourceId(), h.lastStatus() + " (" + plural(h.errorCount(), "error")
                        + " in a row)" + h.lastError().map(e -> ": " + e).orElse("")));
            } else if (h.lastItemsAt().isPresent() && h.lastItemsAt().get().isBefore(now.minus(SILENT_AFTER))) {
                result.add(new Attention(h.sourceId(), "silent: no new items since "
                        + h.lastItemsAt().get().toString().substring(0, 10) + ", though it used to yield some"));
            }
        }
        return result;
    }

    private static LocalDate latest(StoredCollision c) {
        return c.a().date().flatMap(a -> c.b().date().map(b -> a.isAfter(b) ? a : b))
                .or(() -> c.a().date()).or(() -> c.b().date()).orElse(null);
    }

    private String describe(StoredEvent e) {
        return labNames.getOrDefault(e.lab(), e.lab()) + " " + date(e);
    }

    private static String date(StoredEvent e) {
        return e.date().map(LocalDate::toString).orElse("date unknown");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

}
