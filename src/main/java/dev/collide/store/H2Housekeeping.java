package dev.collide.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What H2's background writer would do for an embedded file, done by the archive writer between its commits
 * (issue 18). {@code SET WRITE_DELAY 0} (crash safety, see {@link Database}) stops H2's background thread, and that
 * thread is also the one that rewrites half-empty chunks: without it the file of a 10,000-feed archive grew to 6x its
 * SQL backup, 3x what {@code collide compact} left of it. Here the chunks whose live share fell below
 * {@link #TARGET_FILL_RATE} are rewritten, at most {@link #WRITE_LIMIT} bytes at a time, so that their space is
 * reused by later commits; H2 chooses which, and only among chunks older than its retention time (45 s, kept: it is
 * what lets a file survive a power cut). So it bounds a daemon's file and a long run's; a fetch that ends within the
 * retention time is left to the compaction at close. Not thread-safe: the writer's thread only.
 */
final class H2Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** H2's own target while writes go on is 90 % of 90 %. */
    static final int TARGET_FILL_RATE = 81;
    /** H2's background writer rewrites a quarter of its 1 MB commit buffer per turn while busy; a group is bigger. */
    static final int WRITE_LIMIT = 2 << 20;

    private final MVStore store;
    private boolean failed;

    private H2Housekeeping(MVStore store) {
        this.store = store;
    }

    /** For a connection to an embedded H2 database held in this process; empty for anything else. */
    static Optional<H2Housekeeping> of(Connection c) {
        try {
            if (c.isWrapperFor(JdbcConnection.class)
                    && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    && local.getDatabase().isPersistent() && local.getDatabase().getStore() != null) {
                return Optional.of(new H2Housekeeping(local.getDatabase().getStore().getMvStore()));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("no H2 housekeeping: {}", e.toString());
        }
        return Optional.empty();
    }

    /**
     * Below this share of live bytes at close, the file is compacted first (see {@link #compactBeforeClose}). A
     * compacted archive is about 2x its gzip SQL backup, so at 70 % live a file is at most 2.9x the backup (issue 18:
     * at most 3x). At 60 % a 10,000-feed bench's warm and 1 % rounds left the file at 3.2x, 62 % live.
     */
    static final int CLOSE_FILL_RATE = 70;
    /**
     * Nor below this many dead bytes: a small file is left to H2's own pass at close (a 1,000-feed bench's 5 MB file
     * took 2.9 s of fsyncs to compact for little gain).
     */
    static final long CLOSE_MIN_DEAD_BYTES = 8L << 20;
    /** The most time the compaction before close may take: a cold 10,000-feed fetch's took 4.7 s. */
    static final int CLOSE_BUDGET_MS = 5_000;
    /** What one step of the compaction before close rewrites or moves: H2's own step. */
    static final int CLOSE_STEP_BYTES = 16 << 20;

    /**
     * Once the run's pool has closed the file, on a store opened afresh ({@link Database}): where a run wrote much in
     * less than H2's retention time, none of its dead chunks could be rewritten yet ({@link #afterCommit} skips young
     * chunks), and H2's own pass at close stops after 200 ms. Here the store is compacted as H2's close does
     * (retention time 0 once the last commit is written, the same safety), for up to {@link #CLOSE_BUDGET_MS} and
     * {@code rewriteAllowance} bytes rewritten ({@link #rewriteAllowance}), only when less than
     * {@link #CLOSE_FILL_RATE} % of the file is live and at least {@link #CLOSE_MIN_DEAD_BYTES} are dead
     * ({@link #needsCompactionBeforeClose}). Never throws.
     */
    void compactBeforeClose(long rewriteAllowance) {
        try {
            if (store.isClosed()) {
                return;
            }
            long before = store.getFileStore().size();
            if (!needsCompactionBeforeClose(before, store.getFileStore().getFillRate(), chunksFillRate())) {
                LOG.debug("no compaction before close: {} bytes, file fill {} %, chunks fill {} %", before,
                        store.getFileStore().getFillRate(), chunksFillRate());
                return;
            }
            long start = System.nanoTime();
            compactFile(start + CLOSE_BUDGET_MS * 1_000_000L, rewriteAllowance);
            LOG.debug("archive file compacted before close: {} -> {} bytes in {} ms", before,
                    store.getFileStore().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("the archive file was not compacted before closing ({}); `collide compact` does it", e
                    .toString());
        }
    }

    /**
     * H2's {@code compactFile} loop, with the versions let go between its steps: each step rewrites the emptiest
     * chunks, commits past the versions H2 keeps (5) and moves chunks into the space freed, so the file shrinks as it
     * goes and a step cut short by the budget keeps what it did. H2's own loop holds the store lock throughout, and
     * the chunks its rewrites empty are freed only when the file is opened again: its moves find no room (a 124 MB
     * test file went to 139 MB, this loop took it to 64 MB). Run by {@link Database} on a store opened afresh, with
     * one session: in the store the run wrote, this loop too left a 10,000-feed bench's file larger (234 MB -> 237 MB
     * in 6.0 s); on a fresh open, 231 MB -> 68 MB in 4.7 s.
     */
    private void compactFile(long stopAt, long rewriteAllowance) {
        store.setRetentionTime(0); // as H2's close does: the last commit is already on disk
        RandomAccessStore file = store.getFileStore() instanceof RandomAccessStore r ? r : null;
        int step = (int) Math.min(CLOSE_STEP_BYTES, rewriteAllowance);
        long rewritten = 0;
        for (int idle = 0; idle < 3 && rewritten < rewriteAllowance && chunksFillRate() < TARGET_FILL_RATE
                && System.nanoTime() < stopAt; rewritten += step) {
            boolean rewrote = store.compact(TARGET_FILL_RATE, step);
            letOldVersionsGo();
            if (file != null) {
                file.compactMoveChunks(TARGET_FILL_RATE, step, store);
            }
            idle = rewrote ? 0 : idle + 1;
        }
        if (file != null && rewritten > 0) {
            // past the budget too: without it the rewrites sit at the end of the file and it only grew
            letOldVersionsGo();
            // the tail, where the rewrites went, moved into the gaps and the file cut: a move bounded by what was
            // rewritten, not the whole file behind its first gap (gigabytes in a large archive)
            file.compactMoveChunks(100, 2 * rewritten + step, store);
        }
    }

    /** Commits until the versions that still used the rewritten chunks are older than the 5 that H2 keeps. */
    private void letOldVersionsGo() {
        for (int i = 0; i < 7; i++) {
            store.commit();
        }
    }

    /**
     * Whether a file of {@code size} bytes, {@code fileFill} % of it taken by chunks (H2's file fill rate) and
     * {@code chunksFill} % of those live, is worth compacting before close: less than {@link #CLOSE_FILL_RATE} % of
     * the file live, and at least {@link #CLOSE_MIN_DEAD_BYTES} dead. Where the writer's housekeeping keeps the
     * chunks full, the dead space is in the gaps the rewritten chunks left, which the chunk fill rate alone does not
     * see: a 10,000-feed bench closed its file at 8.3x its SQL backup (2.0x after {@code collide compact}).
     */
    static boolean needsCompactionBeforeClose(long size, int fileFill, int chunksFill) {
        int live = fileFill * chunksFill / 100;
        return live < CLOSE_FILL_RATE && deadBytes(size, fileFill, chunksFill) >= CLOSE_MIN_DEAD_BYTES;
    }

    /** The bytes of a file that hold no live data: dead pages in its chunks and the gaps between them. */
    static long deadBytes(long size, int fileFill, int chunksFill) {
        return size * (100 - fileFill * chunksFill / 100) / 100;
    }

    /** {@link #deadBytes(long, int, int)} of this store; 0 when it cannot tell. */
    long deadBytes() {
        try {
            return store.isClosed() ? 0 : deadBytes(store.getFileStore().size(), store.getFileStore().getFillRate(),
                    chunksFillRate());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * How many bytes the compaction before close may rewrite, given the dead bytes the file had when this process
     * opened it: twice the dead space this run added, when the file is worth compacting
     * ({@link #needsCompactionBeforeClose}); else 0. So a run pays for about what it left dead,
     * not for an old file's: a 2,000-feed bench on a 1,000,000-article archive under 70 % live spent 5-8 s in every
     * close, warm rounds too (123 feeds/s), when the allowance was the 5 s budget alone.
     */
    long rewriteAllowance(long deadAtOpen) {
        try {
            long size = store.getFileStore().size();
            int fileFill = store.getFileStore().getFillRate();
            int chunksFill = chunksFillRate();
            long added = deadBytes(size, fileFill, chunksFill) - deadAtOpen;
            return !store.isClosed() && added > 0 && needsCompactionBeforeClose(size, fileFill, chunksFill)
                    ? 2 * added : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Whether copying the file's live pages into a new file ({@code SHUTDOWN COMPACT}) costs less than rewriting
     * {@code rewriteAllowance} bytes in place: a copy reads and writes what is live, the stepwise compaction rewrites
     * what lies in the emptiest chunks and then moves chunks into the gaps, several times the bytes. A 400,000-row
     * table after 400 commits of random-key inserts (63 MB compacted, 323-358 MB before close): in place 5.3 s to
     * 88 MB, copied 1.4 s to 81 MB; a 2,000-feed cold run into 1,000,000 articles: in place 6.7 s, and the file grew.
     * Beyond {@link #COPY_LIVE_PER_ALLOWANCE} x the allowance (a big file that a run left a little dead) the copy is
     * not taken: it would cost the archive's size, not the run's.
     */
    boolean isCopyCheaper(long rewriteAllowance) {
        try {
            return rewriteAllowance > 0 && !store.isClosed()
                    && fileSize() - deadBytes() <= COPY_LIVE_PER_ALLOWANCE * rewriteAllowance;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The live bytes a close may copy per byte of its rewrite allowance (twice the dead space the run added). */
    static final int COPY_LIVE_PER_ALLOWANCE = 2;

    /** The file's size in bytes. */
    long fileSize() {
        return store.getFileStore().size();
    }

    /** The share of the chunks' bytes still live, in percent (H2's chunk fill rate). */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    /** Rewrites the emptiest chunks when the store's chunks are less full than the target; never throws. */
    void afterCommit() {
        if (failed || store.isClosed()) {
            return;
        }
        try {
            if (store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE) {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
            }
        } catch (RuntimeException e) {
            // the file stays correct, only bigger: H2 compacts it on close, and `collide compact` does it fully
            failed = true;
            LOG.warn("H2 housekeeping stopped ({}); the archive file may grow until it is closed or compacted", e
                    .toString());
        }
    }
}
