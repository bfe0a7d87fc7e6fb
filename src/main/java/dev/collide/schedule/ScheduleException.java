package dev.collide.schedule;

/**
 * The scheduler could not do what was asked (set up, register a job, start, stop); the message carries Quartz's
 * reason (on PostgreSQL often the database: the QRTZ_ tables or the connection). Quartz's own exception stays the
 * cause, so its types stay in this package.
 */
public final class ScheduleException extends Exception {
    private static final long serialVersionUID = 1L;

    ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
