package dev.collide.store;

/**
 * Totals over the whole archive, for the metrics endpoint. Source counters are sums over every source's row, so
 * they are the same whichever node of a cluster answers.
 */
public record ArchiveCounts(long fetches, long notModified, long sourceErrors, long failingSources, long articles,
                            long events, long activeCollisions, long retractedCollisions, long outboxPending,
                            long outboxFailed) {
}
