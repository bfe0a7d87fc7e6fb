package dev.collide.notify;

import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoreException;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders one day's digest (HTML and plain text) from the archive: collisions and release events first seen in the
 * window, the most-cited articles fetched in it, and sources that need attention. Every string from a feed is
 * HTML-escaped, and only http(s) links become anchors, so a feed cannot inject markup or scripts into the mail.
 */
public final class DigestComposer {
    static final int CITED_ARTICLES = 5;
    /** A source that yielded items before but nothing for this long is listed as silent. */
    static final Duration SILENT_AFTER = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcEventStore events;
    private final JdbcSourceStateStore sources;
    private final JdbcCitedArticles cited;
    private final URI archiveUrl;

    public DigestComposer(JdbcEventStore events, JdbcSourceStateStore sources, JdbcCitedArticles cited,
                          URI archiveUrl) {
        this.events = events;
        this.sources = sources;
        this.cited = cited;
        this.archiveUrl = archiveUrl;
    }

    private record Attention(String sourceId, String problem) {
    }

    /** The digest dated {@code date}, covering [{@code from}, {@code to}); times are shown in {@code zone}. */
    public Digest compose(LocalDate date, Instant from, Instant to, ZoneId zone) throws StoreException {
        // both periods are read in SQL, so a large archive cannot push a day's news past a listing limit
        List<StoredCollision> collisions = events.collisionsCreatedBetween(from, to);
        Map<String, List<StoredEvent>> byLab = new TreeMap<>();
        for (StoredEvent e : events.eventsFirstSeenBetween(from, to)) {
            byLab.computeIfAbsent(e.lab(), k -> new ArrayList<>()).add(e);
        }
        int eventCount = byLab.values().stream().mapToInt(List::size).sum();
        List<CitedArticle> articles = cited.mostCited(from, to, CITED_ARTICLES);
        List<Attention> attention = attention(to);
        boolean quiet = collisions.isEmpty() && eventCount == 0;
        String subject = "Collide digest " + date + ": " + (quiet ? "nothing new"
                : plural(collisions.size(), "new collision") + ", " + plural(eventCount, "new release"));
        String period = from.atZone(zone).format(WHEN) + " to " + to.atZone(zone).format(WHEN) + " (" + zone + ")";

        var text = new StringBuilder(subject).append("\n").append(period).append("\n");
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%s</title></head>
                <body style="font-family:sans-serif;max-width:640px">
                <h1>%s</h1>
                <p>%s</p>
                """.formatted(esc(subject), esc(subject), esc(period)));
        if (quiet) {
            text.append("\nNothing new: no collision and no release event.\n");
            html.append("<p>Nothing new: no collision and no release event.</p>\n");
        }
        if (!collisions.isEmpty()) {
            text.append("\nNew collisions (").append(collisions.size()).append(")\n");
            html.append("<h2>New collisions (").append(collisions.size()).append(")</h2>\n<ul>\n");
            for (StoredCollision c : collisions) {
                URI link = URI.create(archiveUrl + "/collisions/" + c.id());
                String title = c.a().model() + " × " + c.b().model();
                String facts = describe(c.a()) + " · " + describe(c.b()) + " · "
                        + c.gapDays().map(g -> plural(g, "day") + " apart · ").orElse("")
                        + SlackMessage.tierLabel(c.tier());
                text.append("- ").append(title).append(": ").append(facts).append("\n  ").append(link).append('\n');
                html.append("<li>").append(anchor(link, title)).append(": ").append(esc(facts)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (!byLab.isEmpty()) {
            text.append("\nNew release events (").append(eventCount).append(")\n");
            html.append("<h2>New release events (").append(eventCount).append(")</h2>\n");
            for (var lab : byLab.entrySet()) {
                text.append(lab.getKey()).append('\n');
                html.append("<h3>").append(esc(lab.getKey())).append("</h3>\n<ul>\n");
                for (StoredEvent e : lab.getValue()) {
                    URI link = URI.create(archiveUrl + "/events/" + e.id());
                    String facts = date(e) + ", " + plural(e.sourceCount(), "source");
                    text.append("- ").append(e.model()).append(" (").append(facts).append(")\n  ").append(link)
                            .append('\n');
                    html.append("<li>").append(anchor(link, e.model())).append(" (").append(esc(facts))
                            .append(")</li>\n");
                }
                html.append("</ul>\n");
            }
        }
        if (!articles.isEmpty()) {
            text.append("\nMost-cited articles\n");
            html.append("<h2>Most-cited articles</h2>\n<ol>\n");
            for (CitedArticle a : articles) {
                String facts = a.sourceId() + ", " + plural(a.releaseMentions(), "release mention");
                text.append("- ").append(a.title()).append(" (").append(facts).append(")")
                        .append(a.link().map(l -> "\n  " + l).orElse("")).append('\n');
                html.append("<li>").append(a.link().map(l -> anchor(l, a.title())).orElse(esc(a.title())))
                        .append(" (").append(esc(facts)).append(")</li>\n");
            }
            html.append("</ol>\n");
        }
        if (!attention.isEmpty()) {
            text.append("\nSources that need attention\n");
            html.append("<h2>Sources that need attention</h2>\n<ul>\n");
            for (Attention a : attention) {
                text.append("- ").append(a.sourceId()).append(": ").append(a.problem()).append('\n');
                html.append("<li><b>").append(esc(a.sourceId())).append("</b>: ").append(esc(a.problem()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        text.append("\nArchive: ").append(archiveUrl).append('\n');
        html.append("<p>").append(anchor(archiveUrl, "Open the Collide archive")).append("</p>\n</body></html>\n");
        return new Digest(date, subject, text.toString(), html.toString(), quiet);
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

    private static String describe(StoredEvent e) {
        return e.lab() + " " + date(e);
    }

    private static String date(StoredEvent e) {
        return e.date().map(LocalDate::toString).orElse("date unknown");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Links come from the archive URL or are http(s) only (see {@link Link}, {@link JdbcCitedArticles}). */
    private static String anchor(URI href, String text) {
        return "<a href=\"" + esc(href.toString()) + "\">" + esc(text) + "</a>";
    }

    /** HTML text and attribute escaping (OWASP rule #1 and #2 for quoted attributes). */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
