package dev.collide.web;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose next request (line and headers) has not arrived within {@code timeout} of the connection
 * opening or of its previous answer (issue 17 item 5). A client that sends nothing, one kept alive and gone quiet,
 * and one that sends its request a byte at a time are all cut off at the same bound. Jetty's own idle timeout starts
 * again at every byte, so on its own it never stops the last kind; it still bounds each read and write of a request
 * being answered, which this deadline leaves alone. Thread-safe: Jetty reports opening and closing on its I/O threads,
 * the handler reports requests on worker threads, the checks run on the scheduler.
 */
final class RequestHeadDeadline implements Connection.Listener {
    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    RequestHeadDeadline(Duration timeout, Scheduler scheduler) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, was " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        watch.schedule(timeoutNanos);
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = watches.remove(connection);
        if (watch != null) {
            watch.cancel();
        }
    }

    /** A request's head has arrived on {@code connection}: no deadline while it is being answered. */
    void requestStarted(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.busy();
        }
    }

    /** The answer went out (or failed): the next request's head is due within the timeout from now. */
    void requestEnded(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.idle();
        }
    }

    private final class Watch implements Runnable {
        private final Connection connection;
        private boolean busy;
        private long waitingSince = System.nanoTime();
        private Scheduler.Task task;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void busy() {
            busy = true;
        }

        synchronized void idle() {
            busy = false;
            waitingSince = System.nanoTime();
        }

        synchronized void schedule(long delayNanos) {
            task = scheduler.schedule(this, delayNanos, NANOSECONDS);
        }

        synchronized void cancel() {
            if (task != null) {
                task.cancel();
            }
        }

        @Override
        public void run() {
            synchronized (this) {
                long left = busy ? timeoutNanos : waitingSince + timeoutNanos - System.nanoTime();
                if (left > 0) {
                    schedule(left);
                    return;
                }
            }
            connection.close();
        }
    }
}
