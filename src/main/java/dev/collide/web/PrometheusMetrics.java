package dev.collide.web;

import dev.collide.store.ArchiveCounts;

/** The archive's counts in the Prometheus text exposition format (version 0.0.4). */
final class PrometheusMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusMetrics() {
    }

    static String render(ArchiveCounts c) {
        StringBuilder out = new StringBuilder();
        metric(out, "collide_fetches_total", "counter", "Fetches made, summed over all sources.", c.fetches());
        metric(out, "collide_fetch_not_modified_total", "counter",
                "Fetches answered 304 Not Modified (or an unchanged body), summed over all sources.", c.notModified());
        metric(out, "collide_source_errors", "gauge",
                "Consecutive failed fetches, summed over all sources (0 when every source's last fetch worked).",
                c.sourceErrors());
        metric(out, "collide_sources_failing", "gauge", "Sources whose last fetch failed.", c.failingSources());
        metric(out, "collide_articles", "gauge", "Articles in the archive.", c.articles());
        metric(out, "collide_release_events", "gauge", "Release events in the archive.", c.events());
        out.append("# HELP collide_collisions Collisions in the archive, by status.\n");
        out.append("# TYPE collide_collisions gauge\n");
        out.append("collide_collisions{status=\"active\"} ").append(c.activeCollisions()).append('\n');
        out.append("collide_collisions{status=\"retracted\"} ").append(c.retractedCollisions()).append('\n');
        out.append("# HELP collide_outbox_depth Outbox rows by status: pending are waiting to be delivered.\n");
        out.append("# TYPE collide_outbox_depth gauge\n");
        out.append("collide_outbox_depth{status=\"pending\"} ").append(c.outboxPending()).append('\n');
        out.append("collide_outbox_depth{status=\"failed\"} ").append(c.outboxFailed()).append('\n');
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(value).append('\n');
    }
}
