package dev.collide;

import dev.collide.schedule.CollideScheduler;
import dev.collide.schedule.ScheduleException;
import dev.collide.store.ArchiveShare;
import dev.collide.web.ArchiveServer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon {@link Collide#daemon} assembles: the share that lets CLI commands read and write beside it, the
 * scheduler with its jobs, and the archive server when it is on. Built stopped; {@link #start} starts the jobs.
 * {@link #stop} and {@link #close} stop the server first (no request reads a closing database), then the scheduler
 * (it waits for running jobs, so none writes while the database closes); close then ends the share.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    /**
     * How {@code run} was asked to run: {@code threads} Quartz workers (2 at least), whether the archive server is
     * on, and on PostgreSQL this node's check-in interval and name ("AUTO": host name and start time).
     */
    public record Options(int threads, boolean serve, Duration clusterCheckin, String nodeId) {
        public Options {
            Objects.requireNonNull(clusterCheckin, "clusterCheckin");
            Objects.requireNonNull(nodeId, "nodeId");
        }
    }

    private final ArchiveShare share;
    private final CollideScheduler scheduler;
    private final Optional<ArchiveServer> server;

    Daemon(ArchiveShare share, CollideScheduler scheduler, Optional<ArchiveServer> server) {
        this.share = Objects.requireNonNull(share, "share");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.server = Objects.requireNonNull(server, "server");
    }

    /** The archive server, when it is on; it answers from the moment the daemon is built. */
    public Optional<ArchiveServer> server() {
        return server;
    }

    /** Starts firing the jobs. */
    public void start() throws ScheduleException {
        scheduler.start();
    }

    /** Stops answering and waits for running jobs; safe to call from a shutdown hook and again from close. */
    public void stop() {
        server.ifPresent(ArchiveServer::close);
        try {
            scheduler.close();
        } catch (ScheduleException e) {
            LOG.warn("scheduler did not stop cleanly; shutting down anyway: {}", e.getMessage());
        }
    }

    /** Undoes a daemon that could not be built: {@code scheduler} may be null. */
    static void abandon(CollideScheduler scheduler, ArchiveShare share) {
        try {
            if (scheduler != null) {
                scheduler.close();
            }
        } catch (ScheduleException e) {
            LOG.warn("scheduler did not stop cleanly after a failed start: {}", e.getMessage());
        } finally {
            share.close();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            share.close();
        }
    }
}
