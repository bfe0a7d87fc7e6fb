package dev.collide.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of polls into the archive (issue 18): each poll's new articles and the source's new state, written
 * together, and the polls that queued up meanwhile committed in one transaction. With H2's WRITE_DELAY 0 every
 * commit writes its pages to the file, and one commit per feed (two with the state) was most of a cold fetch's
 * time and made the file grow. A poll is atomic all the same: when a group fails, each of its polls is written in
 * a transaction of its own, so a killed process leaves a poll stored with its validators, or neither. Pollers wait
 * for their own write, never for a pooled connection. Thread-safe.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    /**
     * Polls per transaction at most, and articles: each commit writes every index page it touched, and with hashed
     * look-up keys a group of a thousand articles touches most leaves; 128 / 4,000 halved a cold 10,000-feed run's
     * transactions (159 -> 82) and its writer's wall time (70 -> 53 s). Bigger groups would leave too few of the
     * pollers fetching while theirs is written.
     */
    static final int MAX_POLLS = 128;
    static final int MAX_ARTICLES = 4_000;

    private final DataSource dataSource;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Runnable afterCommit;
    private volatile boolean closed;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final LongAdder busyNanos = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder groups = new LongAdder();
    private final LongAdder polls = new LongAdder();

    /** What the writer did: transactions, polls written, and its thread's wall and CPU time (the bench's split). */
    public record Stats(long transactions, long polls, long busyNanos, long cpuNanos) {
    }

    public Stats stats() {
        return new Stats(groups.sum(), polls.sum(), busyNanos.sum(), cpuNanos.sum());
    }

    /** One poll's write: its new articles (may be none) and the source's state, computed from their outcomes. */
    private record Write(List<JdbcArticleStore.NewArticle> articles, Instant fetchedAt,
                         Function<List<SaveOutcome>, SourceHealth> health,
                         CompletableFuture<List<SaveOutcome>> done) {
    }

    /** {@code afterCommit} runs on the writer's thread after each commit that may have stored articles. */
    public ArchiveWriter(DataSource dataSource, Runnable afterCommit) {
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, "collide-archive-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stores {@code articles} (duplicates skipped as {@link JdbcArticleStore#storeAll} does) and then the state
     * that {@code health} makes of their outcomes, in one transaction; returns the outcomes in order. Blocks until
     * committed.
     */
    public List<SaveOutcome> write(List<JdbcArticleStore.NewArticle> articles, Instant fetchedAt,
                                   Function<List<SaveOutcome>, SourceHealth> health) throws StoreException {
        var write = new Write(List.copyOf(articles), fetchedAt, health, new CompletableFuture<>());
        enqueue(write, "the archive is closing; the poll was not stored and will be read again");
        try {
            while (true) {
                try {
                    return write.done().get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!thread.isAlive()) {
                        // queued after the writer's last look at the queue: nobody will write it
                        write.done().completeExceptionally(new StoreException("the archive closed before this poll"
                                + " was stored; it will be read again"));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while storing; the poll will be read again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("could not store: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Queues a state-only write (a poll that stored nothing: unchanged, failed) and returns at once: nothing waits
     * on its outcome, so the poller goes on to its next source while the writer commits it with the next group
     * (issue 18: in a warm run most of a poll was waiting for this commit). {@link #close} writes what is queued; a
     * write that fails is logged here. A killed process may lose such a state, never an article: the source is then
     * polled again as if it had not been.
     */
    public void writeLater(Instant fetchedAt, SourceHealth health) throws StoreException {
        var write = new Write(List.of(), fetchedAt, outcomes -> health, new CompletableFuture<>());
        write.done().whenComplete((outcomes, e) -> {
            if (e != null) {
                LOG.error("source={} could not save its state: {}", health.sourceId(), e.getMessage());
            }
        });
        enqueue(write, "the archive is closing; the state of source " + health.sourceId()
                + " was not saved and the source will be polled again");
    }

    /** Queues {@code write} unless the writer is closing; under the lock {@link #close} takes, so none is stranded. */
    private void enqueue(Write write, String refusal) throws StoreException {
        synchronized (queue) {
            if (closed) {
                throw new StoreException(refusal);
            }
            queue.add(write);
        }
    }

    /** Returns once everything queued before the call is written (or has failed, as its writer was told). */
    public void flush() throws StoreException {
        write(List.of(), Instant.EPOCH, null);
    }

    private void run() {
        Optional<H2Housekeeping> housekeeping = housekeeping();
        List<Write> group = new ArrayList<>();
        while (true) {
            Write first;
            try {
                // polled, not interrupted: an interrupt in the middle of H2's file I/O closes its file channel
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                if (closed) {
                    break;
                }
                continue;
            }
            group.add(first);
            int articles = group.get(0).articles().size();
            for (Write next = queue.peek(); next != null && group.size() < MAX_POLLS
                    && articles + next.articles().size() <= MAX_ARTICLES; next = queue.peek()) {
                group.add(queue.poll());
                articles += next.articles().size();
            }
            long wall0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            writeGroup(group);
            if (group.stream().anyMatch(w -> !w.articles().isEmpty())) {
                afterCommit.run();
            }
            housekeeping.ifPresent(H2Housekeeping::afterCommit);
            busyNanos.add(System.nanoTime() - wall0);
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu0);
            groups.increment();
            polls.add(group.size());
            group.clear();
        }
        for (Write left = queue.poll(); left != null; left = queue.poll()) {
            left.done().completeExceptionally(new StoreException("the archive closed before this poll was stored;"
                    + " it will be read again"));
        }
    }

    /** For an embedded H2 file: the chunk rewriting its background thread would do (see {@link H2Housekeeping}). */
    private Optional<H2Housekeeping> housekeeping() {
        try (Connection c = dataSource.getConnection()) {
            return H2Housekeeping.of(c);
        } catch (SQLException e) {
            return Optional.empty(); // the first write reports what is wrong with the database
        }
    }

    private void writeGroup(List<Write> group) {
        if (group.size() > 1) {
            try {
                List<List<SaveOutcome>> outcomes = inOneTransaction(group);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).done().complete(outcomes.get(i));
                }
                return;
            } catch (SQLException | StoreException | RuntimeException e) {
                // one poll's trouble (a race with another node, a value the database refuses) must not cost the
                // others theirs: each again on its own
                LOG.debug("a group of {} polls failed ({}); writing them one by one", group.size(), e.getMessage());
            }
        }
        for (Write w : group) {
            try {
                w.done().complete(inOneTransaction(List.of(w)).get(0));
            } catch (SQLException e) {
                w.done().completeExceptionally(new StoreException("could not store " + w.articles().size()
                        + " articles: " + e.getMessage(), e));
            } catch (StoreException | RuntimeException e) {
                w.done().completeExceptionally(e);
            }
        }
    }

    private List<List<SaveOutcome>> inOneTransaction(List<Write> group) throws SQLException, StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<List<SaveOutcome>> all = new ArrayList<>(group.size());
                for (Write w : group) {
                    List<SaveOutcome> outcomes = w.articles().isEmpty() ? List.of()
                            : ArticleInserts.insertUnlessKnown(c, w.articles(), w.fetchedAt());
                    saveState(c, w, outcomes);
                    all.add(outcomes);
                }
                c.commit();
                return all;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (group.size() == 1 && Sql.isUniqueViolation(e instanceof SQLException s ? s : null)) {
                    // another node or thread stored one of them first: store them one at a time, as storeAll does
                    return List.of(articlesOneByOne(c, group.get(0)));
                }
                throw e;
            }
        }
    }

    private List<SaveOutcome> articlesOneByOne(Connection c, Write w) throws SQLException, StoreException {
        List<SaveOutcome> outcomes = new ArrayList<>();
        for (JdbcArticleStore.NewArticle a : w.articles()) {
            try {
                outcomes.add(ArticleInserts.insertUnlessKnown(c, List.of(a), w.fetchedAt()).get(0));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                outcomes.add(new SaveOutcome.AlreadyStored());
            }
        }
        saveState(c, w, outcomes);
        c.commit();
        return outcomes;
    }

    private static void saveState(Connection c, Write w, List<SaveOutcome> outcomes) throws SQLException {
        if (w.health() != null) { // null: a flush's marker, which writes nothing
            JdbcSourceStateStore.save(c, w.health().apply(outcomes));
        }
    }

    /** Writes what is queued, then stops the thread; later writes are refused. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
