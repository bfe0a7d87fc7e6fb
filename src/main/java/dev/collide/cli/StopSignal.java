package dev.collide.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a long-running command, in order: the hook stops the workers, the command's thread closes
 * its resources (the database last), and only then may the JVM halt. The JVM halts as soon as its shutdown hooks
 * return; a hook that returned before the database was closed let the halt cut H2 in the middle of writing its
 * file, which a later open read as "File corrupted" (issue #8, CrashSafetyTest).
 */
final class StopSignal {
    /** Long enough for a running fetch or delivery to finish; a stop must not hang forever either. */
    private static final long CLOSE_GRACE_SECONDS = 60;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Registers the hook; {@code stopWorkers} runs in it, before {@link #awaitRequest()} returns. */
    static StopSignal register(String name, Runnable stopWorkers) {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopWorkers.run();
            } finally {
                signal.requested.countDown();
            }
            try {
                signal.closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name));
        return signal;
    }

    /** Blocks the command's thread until a stop is requested and the workers have stopped. */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** Called once the command has closed everything it opened: the JVM may halt now. */
    void closed() {
        closed.countDown();
    }
}
