package dev.collide.notify;

import dev.collide.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows through their channel's {@link Notifier}. A row is claimed under a lease before it is sent
 * and marked SENT only after the receiver acknowledged it. If the process dies between the two, the row becomes
 * due again when the lease ends and is sent again: delivery is exactly once where the receiver's acknowledgement
 * was recorded, at least once at that edge (each message carries a stable dedup key for receivers that care).
 * Not thread-safe per instance; several instances (nodes) may share one database.
 */
public final class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /** The default lease: longer than any send can take (the HTTP call timeout), so a live sender keeps its claim. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    static final int BATCH = 50;

    private final JdbcOutbox outbox;
    private final AlertRenderer renderer;
    private final Map<String, Notifier> notifiers;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    public OutboxDelivery(JdbcOutbox outbox, AlertRenderer renderer, List<Notifier> notifiers, Clock clock) {
        this(outbox, renderer, notifiers, clock, LEASE);
    }

    /**
     * {@code lease}: how long a claimed row stays ours (notify.lease); must exceed the notifiers' timeout. After a
     * crash the claimed rows are sent again once it runs out.
     */
    public OutboxDelivery(JdbcOutbox outbox, AlertRenderer renderer, List<Notifier> notifiers, Clock clock,
                          Duration lease) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.notifiers = notifiers.stream().collect(Collectors.toUnmodifiableMap(Notifier::channel,
                Function.identity()));
        this.clock = clock;
        this.owner = UUID.randomUUID().toString();
        this.lease = lease;
    }

    /** Claims and sends every due row of the configured channels, one batch at a time. */
    public DeliveryReport deliverDue() throws StoreException {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        List<OutboxEntry> batch;
        do {
            batch = outbox.claimDue(List.copyOf(notifiers.keySet()), owner, clock.instant(), lease, BATCH);
            for (OutboxEntry entry : batch) {
                switch (deliver(entry)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case FAILED -> failed++;
                }
            }
        } while (batch.size() == BATCH);
        return new DeliveryReport(sent, retrying, failed);
    }

    private enum Outcome { SENT, RETRYING, FAILED }

    private Outcome deliver(OutboxEntry entry) throws StoreException {
        Optional<Alert> alert = renderer.render(entry);
        if (alert.isEmpty()) {
            String reason = entry.subjectKind().toLowerCase(java.util.Locale.ROOT) + " " + entry.subjectId()
                    + " is no longer in the archive; nothing to send";
            outbox.fail(entry.id(), owner, reason);
            LOG.warn("outbox={} channel={} failed: {}", entry.id(), entry.channel(), reason);
            return Outcome.FAILED;
        }
        try {
            notifiers.get(entry.channel()).send(alert.get());
        } catch (NotifyException e) {
            return handleRefusal(entry, e);
        }
        if (!outbox.markSent(entry.id(), owner, clock.instant())) {
            // our lease ran out mid-send and another node took the row: it may send a duplicate
            LOG.warn("outbox={} channel={} was sent, but its lease had been taken over; a duplicate is possible",
                    entry.id(), entry.channel());
        }
        LOG.info("outbox={} channel={} key={} sent", entry.id(), entry.channel(), entry.dedupKey());
        return Outcome.SENT;
    }

    private Outcome handleRefusal(OutboxEntry entry, NotifyException e) throws StoreException {
        Instant now = clock.instant();
        if (!e.isRetryable()) {
            outbox.fail(entry.id(), owner, e.getMessage());
            LOG.error("outbox={} channel={} failed for good: {}", entry.id(), entry.channel(), e.getMessage());
            return Outcome.FAILED;
        }
        Instant next = now.plus(e.retryAfter().orElse(backoff(entry.attempts())));
        if (next.isAfter(entry.giveUpAt())) {
            String reason = "gave up after " + entry.attempts() + " attempts since " + entry.createdAt() + ": "
                    + e.getMessage();
            outbox.fail(entry.id(), owner, reason);
            LOG.error("outbox={} channel={} {}", entry.id(), entry.channel(), reason);
            return Outcome.FAILED;
        }
        outbox.reschedule(entry.id(), owner, next, e.getMessage());
        LOG.warn("outbox={} channel={} attempt {} refused, next at {}: {}", entry.id(), entry.channel(),
                entry.attempts(), next, e.getMessage());
        return Outcome.RETRYING;
    }

    /** 1 min after the first attempt, doubling, at most 1 h: about 30 attempts in the 24 h before giving up. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }
}
