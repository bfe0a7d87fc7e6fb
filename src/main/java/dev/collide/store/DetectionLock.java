package dev.collide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes detection runs of all nodes sharing one PostgreSQL archive take turns (issue #9): a run loads evidence,
 * detects and saves while it holds a session advisory lock, so a run that read older evidence can never commit
 * after a newer one. On H2 (one process) it locks nothing; the pipeline's own monitor suffices.
 */
public final class DetectionLock {
    /** Any constant shared by all nodes; "collide-detect" read as ASCII. */
    static final long KEY = 0x636f6c6c69646544L;

    private final DataSource dataSource;
    private final boolean postgres;

    public DetectionLock(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** A held lock; closing it releases the lock and returns the connection to the pool. */
    public interface Held extends AutoCloseable {
        @Override
        void close() throws StoreException;
    }

    /** Waits until no other node is detecting, then holds the lock until {@link Held#close()}. */
    public Held acquire() throws StoreException {
        if (!postgres) {
            return () -> { };
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                ps.execute();
            }
            Connection held = c;
            return () -> release(held);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("could not take the detection lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection c) throws StoreException {
        try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            // the lock belongs to the session: if unlocking failed, the pool's broken connection is discarded and
            // the server releases the lock with the session
            throw new StoreException("could not release the detection lock: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
