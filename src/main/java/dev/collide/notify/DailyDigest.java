package dev.collide.notify;

import dev.collide.config.NotifyConfig;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digest job: the digest dated D covers the 24 hours before D at {@code notify.email.at} in its time zone,
 * and is mailed once. The date is claimed in the digests table before the SMTP conversation; a failed send is
 * retried with back-off; a crash mid-send makes the date claimable again after the lease (the only case in which a
 * second copy can go out, with the same Message-ID).
 */
public final class DailyDigest {
    private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private final NotifyConfig.Email config;
    private final DigestComposer composer;
    private final DigestMailer mailer;
    private final JdbcDigestLog log;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public DailyDigest(NotifyConfig.Email config, DigestComposer composer, DigestMailer mailer, JdbcDigestLog log,
                       Clock clock) {
        this.config = config;
        this.composer = composer;
        this.mailer = mailer;
        this.log = log;
        this.clock = clock;
    }

    /** What {@link #sendDaily} did. */
    public enum Outcome { SENT, SKIPPED_QUIET, ALREADY_DONE, FAILED, NOT_DUE }

    /** Renders the digest of {@code date} without sending or recording anything. */
    public Digest preview(LocalDate date) throws StoreException {
        return preview(composer, date, config.at(), config.timezone());
    }

    /** The digest of {@code date} as it would be sent at {@code at} in {@code zone}: the 24 hours before then. */
    public static Digest preview(DigestComposer composer, LocalDate date, LocalTime at, ZoneId zone)
            throws StoreException {
        ZonedDateTime end = date.atTime(at).atZone(zone);
        return composer.compose(date, end.minusDays(1).toInstant(), end.toInstant(), zone);
    }

    /**
     * Today's digest as it stands at {@code now}: the 24 hours before today's {@code at}, and when that hour has
     * passed, everything since, up to {@code now}. What a fetch just brought in is therefore always in it, also when
     * it ran after the digest hour (issue 14 item 8: after a first fetch the digest said "nothing new").
     */
    public static Digest previewNow(DigestComposer composer, Instant now, LocalTime at, ZoneId zone)
            throws StoreException {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant end = today.atTime(at).atZone(zone).toInstant();
        return composer.compose(today, today.atTime(at).atZone(zone).minusDays(1).toInstant(),
                now.isAfter(end) ? now : end, zone);
    }

    /**
     * Sends {@link #previewNow today's digest up to now} (collide digest --send-now without --date), unless today's
     * was already sent or skipped. Tomorrow's scheduled digest starts at today's {@code at} again, so what arrived
     * between then and now is in both mails rather than in neither.
     */
    public Outcome sendNow() throws StoreException {
        Instant now = clock.instant();
        return send(now.atZone(config.timezone()).toLocalDate(),
                () -> previewNow(composer, now, config.at(), config.timezone()));
    }

    /** Sends today's digest if its time has come (the cron trigger, and a catch-up after a restart). */
    public Outcome sendDue() throws StoreException {
        ZonedDateTime now = clock.instant().atZone(config.timezone());
        if (now.toLocalTime().isBefore(config.at())) {
            return Outcome.NOT_DUE;
        }
        return sendDaily(now.toLocalDate());
    }

    /** Sends the digest of {@code date} unless that date was already sent, skipped, or is being sent elsewhere. */
    public Outcome sendDaily(LocalDate date) throws StoreException {
        return send(date, () -> preview(date));
    }

    @FunctionalInterface
    private interface Composition {
        Digest compose() throws StoreException;
    }

    private Outcome send(LocalDate date, Composition composition) throws StoreException {
        Instant now = clock.instant();
        if (!log.claim(date, owner, now, LEASE)) {
            return Outcome.ALREADY_DONE;
        }
        Digest digest = composition.compose();
        String recipients = String.join(", ", config.to());
        if (digest.quiet() && !config.sendQuietDays()) {
            log.finish(date, owner, "SKIPPED", now, digest.subject(), "");
            LOG.info("digest={} quiet day, not sent (notify.email.quietDays: skip)", date);
            return Outcome.SKIPPED_QUIET;
        }
        try {
            mailer.send(digest);
        } catch (NotifyException e) {
            int attempts = log.find(date).map(JdbcDigestLog.Entry::attempts).orElse(1);
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
            Instant next = now.plus(wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait);
            log.fail(date, owner, next, e.getMessage());
            LOG.error("digest={} attempt {} failed, next at {}: {}", date, attempts, next, e.getMessage());
            return Outcome.FAILED;
        }
        log.finish(date, owner, "SENT", clock.instant(), digest.subject(), recipients);
        LOG.info("digest={} sent to {} recipient(s)", date, config.to().size());
        return Outcome.SENT;
    }
}
