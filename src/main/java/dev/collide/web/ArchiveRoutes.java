package dev.collide.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.config.Lab;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.ArticleView;
import dev.collide.store.CollisionCsv;
import dev.collide.store.CollisionView;
import dev.collide.store.EventView;
import dev.collide.store.StoreException;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps a GET path and its query to the archive reads and the renderer that answers it. */
final class ArchiveRoutes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> EVENT_PARAMS = Set.of("lab", "since", "until", "q", "limit", "offset");
    private static final Set<String> ARTICLE_PARAMS = EVENT_PARAMS;
    private static final Set<String> COLLISION_PARAMS = Set.of("lab", "since", "until", "tier", "includeRetracted",
            "limit", "offset");
    private static final Set<String> PAGE_PARAMS = Set.of("lab", "since", "until", "tier", "q");
    /** The page shows at most this many releases, so a large archive still renders quickly; filters narrow it. */
    static final int PAGE_EVENTS = 500;

    private final Archive archive;
    private final Clock clock;

    ArchiveRoutes(Archive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    static String json(Object value) {
        return ArchiveServer.toJson(MAPPER, value);
    }

    Response route(String path, String rawQuery, String baseUrl) throws BadParameter, StoreException {
        switch (path) {
            case "/" -> {
                return page(Params.parse(rawQuery, PAGE_PARAMS));
            }
            case "/style.css" -> {
                Params.parse(rawQuery, Set.of());
                return Response.ok("text/css; charset=utf-8", HtmlPages.STYLE);
            }
            case "/api/events" -> {
                ArchiveQuery q = checkedLab(Params.parse(rawQuery, EVENT_PARAMS).query());
                var items = archive.events().events(q).stream().map(EventView::of).toList();
                return Response.json(200, json(JsonViews.Page.of(items, q.limit(), q.offset())));
            }
            case "/api/collisions" -> {
                Params p = Params.parse(rawQuery, COLLISION_PARAMS);
                ArchiveQuery q = checkedLab(p.query());
                var items = archive.events().collisions(q, p.tier(), p.flag("includeRetracted")).stream()
                        .map(CollisionView::of).toList();
                return Response.json(200, json(JsonViews.Page.of(items, q.limit(), q.offset())));
            }
            case "/api/collisions.csv" -> {
                Params p = Params.parse(rawQuery, COLLISION_PARAMS);
                ArchiveQuery q = checkedLab(withDefaultLimit(p, p.query()));
                return Response.ok("text/csv; charset=utf-8; header=present",
                        CollisionCsv.render(archive.events().collisions(q, p.tier(), p.flag("includeRetracted")).stream()
                                .map(CollisionView::of).toList()));
            }
            case "/api/articles" -> {
                ArchiveQuery q = checkedLab(Params.parse(rawQuery, ARTICLE_PARAMS).query());
                var items = archive.articles().search(q).stream().map(ArticleView::of).toList();
                return Response.json(200, json(JsonViews.Page.of(items, q.limit(), q.offset())));
            }
            case "/api/labs" -> {
                Params.parse(rawQuery, Set.of());
                return Response.json(200, json(new JsonViews.Items<>(labs())));
            }
            case "/api/sources" -> {
                Params.parse(rawQuery, Set.of());
                var items = archive.sourceStates().all().stream().map(JsonViews.SourceView::of).toList();
                return Response.json(200, json(new JsonViews.Items<>(items)));
            }
            case "/collisions.atom" -> {
                Params p = Params.parse(rawQuery, Set.of("lab", "tier"));
                ArchiveQuery q = checkedLab(new ArchiveQuery(Optional.empty(), Optional.empty(), p.lab(),
                        Optional.empty(), 100, 0));
                return Response.ok("application/atom+xml; charset=utf-8",
                        AtomFeed.render(archive.events().collisions(q, p.tier(), false), baseUrl, clock.instant()));
            }
            case "/calendar.ics" -> {
                Params p = Params.parse(rawQuery, PAGE_PARAMS);
                ArchiveQuery q = checkedLab(withDefaultLimit(p, p.query()));
                return Response.ok("text/calendar; charset=utf-8", ICalendar.render(archive.events().events(q),
                        archive.events().collisions(q, p.tier(), false), baseUrl));
            }
            case "/metrics" -> {
                Params.parse(rawQuery, Set.of());
                return Response.ok(PrometheusMetrics.CONTENT_TYPE, PrometheusMetrics.render(archive.stats().counts()));
            }
            default -> {
                return byId(path, rawQuery);
            }
        }
    }

    private Response byId(String path, String rawQuery) throws BadParameter, StoreException {
        String[] parts = path.split("/", -1);
        boolean api = parts.length == 4 && parts[1].equals("api") && !parts[3].isEmpty();
        boolean page = parts.length == 3 && !parts[2].isEmpty();
        String kind = api ? parts[2] : page ? parts[1] : "";
        String id = api ? parts[3] : page ? parts[2] : "";
        if (kind.equals("events")) {
            Params.parse(rawQuery, Set.of());
            Optional<StoredEvent> event = archive.events().event(id);
            if (event.isEmpty()) {
                return notFound(api, "no release event with id '" + id + "'");
            }
            var evidence = archive.events().evidence(id);
            return api ? Response.json(200, json(EventView.withEvidence(event.get(), evidence)))
                    : Response.html(200, HtmlPages.event(event.get(), evidence, labNames(),
                    new dev.collide.detect.EventBuilder().explain(id, archive.events()
                            .loadReleaseEvidenceAround(event.get().lab(), event.get().family()))));
        }
        if (kind.equals("collisions")) {
            Params.parse(rawQuery, Set.of());
            Optional<StoredCollision> found = archive.events().collision(id);
            if (found.isEmpty()) {
                return notFound(api, "no collision with id '" + id + "'");
            }
            StoredCollision c = found.get();
            var evidenceA = archive.events().evidence(c.a().id());
            var evidenceB = archive.events().evidence(c.b().id());
            var history = archive.events().history(id);
            return api ? Response.json(200, json(CollisionView.withEvidence(c, evidenceA, evidenceB, history)))
                    : Response.html(200, HtmlPages.collision(c, evidenceA, evidenceB, history,
                            labNames()));
        }
        return notFound(path.startsWith("/api/"), "nothing at " + path + "; the API is under /api/events,"
                + " /api/collisions, /api/articles, /api/labs and /api/sources");
    }

    private Response page(Params p) throws BadParameter, StoreException {
        ArchiveQuery filters = checkedLab(p.query());
        // the search box narrows both lists to a model or family name; the tier only the collisions
        ArchiveQuery events = new ArchiveQuery(filters.since(), filters.until(), filters.lab(), filters.text(),
                PAGE_EVENTS, 0);
        ArchiveQuery collisions = new ArchiveQuery(filters.since(), filters.until(), filters.lab(),
                filters.text(), 200, 0);
        return Response.html(200, HtmlPages.index(filters, p.tier(), labNames(), archive.events().events(events),
                archive.events().collisions(collisions, p.tier(), false)));
    }

    private static Response notFound(boolean api, String message) {
        return api ? Response.json(404, json(new JsonViews.ErrorView(message, null)))
                : Response.html(404, HtmlPages.error(404, message));
    }

    /** Exports (CSV, calendar) default to the maximum page, not the API's 50: a spreadsheet wants everything. */
    private static ArchiveQuery withDefaultLimit(Params p, ArchiveQuery q) {
        if (p.string("limit").isPresent()) {
            return q;
        }
        return new ArchiveQuery(q.since(), q.until(), q.lab(), q.text(), ArchiveQuery.MAX_LIMIT, q.offset());
    }

    /** A lab id that is not configured is a typo more often than an empty result; say so. */
    private ArchiveQuery checkedLab(ArchiveQuery q) throws BadParameter {
        if (q.lab().isPresent() && !archive.labs().isEmpty()
                && archive.labs().stream().noneMatch(l -> l.id().equals(q.lab().get()))) {
            throw new BadParameter("lab", Lab.notConfigured(q.lab().get(), archive.labs()));
        }
        return q;
    }

    private Map<String, String> labNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Lab lab : archive.labs()) {
            names.put(lab.id(), lab.name());
        }
        return names;
    }

    private List<JsonViews.LabView> labs() throws StoreException {
        Map<String, Long> counts = archive.events().eventCountsByLab();
        List<JsonViews.LabView> result = new ArrayList<>();
        for (Lab lab : archive.labs()) {
            result.add(new JsonViews.LabView(lab.id(), lab.name(), counts.getOrDefault(lab.id(), 0L)));
        }
        counts.forEach((id, n) -> {
            if (archive.labs().stream().noneMatch(l -> l.id().equals(id))) {
                result.add(new JsonViews.LabView(id, id, n)); // events of a lab removed from labs.yml since
            }
        });
        return result;
    }
}
