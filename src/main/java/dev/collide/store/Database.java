package dev.collide.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The archive database: a connection pool, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1: another process holds the embedded file. */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private final HikariDataSource dataSource;
    private final boolean postgres;
    /** The embedded H2 file this process opened itself (not one a daemon shares over TCP): compacted at close. */
    private final Optional<DatabaseConfig> embeddedFile;
    private long deadBytesAtOpen;
    /** Where H2's search index lives: beside an embedded file, in memory for an in-memory database (issue 18). */
    private Optional<Path> searchDir = Optional.empty();
    private boolean searchInMemory;
    private Optional<ArticleSearchIndex> searchIndex;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "collide-search-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean indexPending = new AtomicBoolean();

    private Database(HikariDataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.postgres = config.isPostgres();
        this.embeddedFile = config.isEmbeddedH2File() ? Optional.of(config) : Optional.empty();
    }

    /** Beside {@code data/collide.mv.db}: {@code data/collide.search/}. */
    static Path searchDirOf(DatabaseConfig config) {
        Path file = config.h2FilePath();
        return file.resolveSibling(file.getFileName() + ".search");
    }

    private Database withDeadBytesNoted() {
        noteDeadBytesAtOpen();
        return this;
    }

    private Database withSearch(DatabaseConfig located) {
        if (!postgres) {
            if (located.isH2File() && !located.url().startsWith("jdbc:h2:tcp:")
                    && !located.url().startsWith("jdbc:h2:ssl:")) {
                searchDir = Optional.of(searchDirOf(located));
            } else if (located.url().startsWith("jdbc:h2:mem:")) {
                searchInMemory = true;
            }
        }
        return this;
    }

    /**
     * The full-text index of an H2 archive, opened on first use; empty on PostgreSQL (its GIN index serves), on an
     * H2 server reached over TCP, and while another process holds the index: search then reads the table.
     */
    synchronized Optional<ArticleSearchIndex> searchIndex() throws StoreException {
        if (searchIndex == null) {
            searchIndex = searchDir.isPresent() || searchInMemory
                    ? ArticleSearchIndex.open(dataSource, searchDir) : Optional.empty();
        }
        return searchIndex;
    }

    /** New articles were committed: the search index takes them in the background, not on a search's time. */
    void articlesStored() {
        if (postgres || !indexPending.compareAndSet(false, true)) {
            return;
        }
        try {
            indexer.execute(() -> {
                indexPending.set(false);
                try {
                    Optional<ArticleSearchIndex> index = searchIndex();
                    if (index.isPresent()) {
                        index.get().catchUp();
                    }
                } catch (StoreException | RuntimeException e) {
                    LOG.warn("search index could not take the new articles ({}); the next search retries",
                            e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            indexPending.set(false);
        }
    }

    /**
     * Opens the pool and applies pending migrations (db/migration and db/vendor/h2 or db/vendor/postgresql). Throws
     * {@link StoreException} with a message for the user when the database cannot be reached or migrated.
     */
    public static Database open(DatabaseConfig config) throws StoreException {
        config = compressed(config);
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(p -> hikari.setPassword(p.reveal()));
        // PostgreSQL also serves the Quartz job store: its threads, cluster check-in and misfire handler
        hikari.setMaximumPoolSize(config.isPostgres() ? 16 : 8);
        hikari.setPoolName("collide");
        hikari.setInitializationFailTimeout(-1);
        if (config.isPostgres()) {
            // a dead server is reported in seconds, not after the driver's default of minutes
            hikari.addDataSourceProperty("connectTimeout", "10");
            hikari.setConnectionTimeout(15_000);
        }
        // One connection straight from the driver first: a damaged or locked file, a wrong password or a dead server
        // is then reported at once and in the driver's words, not as the pool's "request timed out after 30000ms".
        // Held open until the pool is up, so an embedded H2 database is opened (and recovered) only once.
        Connection probe;
        try {
            probe = connectWithoutPool(config);
        } catch (SQLException e) {
            Optional<String> shared = e.getErrorCode() == DATABASE_ALREADY_OPEN
                    ? ArchiveShare.sharedUrl(config) : Optional.empty();
            if (shared.isPresent()) {
                try {
                    // through the daemon that holds the file; its search index too, so searches read the table
                    return open(config.withUrl(shared.get())).withSearch(config);
                } catch (StoreException notThere) {
                    LOG.debug("database={} shared address unusable: {}", redact(config.url()), notThere.getMessage());
                }
            }
            throw new StoreException(cannotOpen(config.url(), e), e);
        }
        try (probe) {
            return openPool(config, hikari);
        } catch (SQLException e) {
            throw new StoreException("database " + redact(config.url()) + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static Database openPool(DatabaseConfig config, HikariConfig hikari) throws StoreException {
        HikariDataSource ds = new HikariDataSource(hikari);
        if (SchemaVersion.isCurrent(ds, config.isPostgres())) {
            // issue #14: Flyway's scan and validation took most of a one-query command's start-up; the schema is
            // already at the newest migration on the classpath, so there is nothing to apply
            if (config.isH2File()) {
                writeCommitsAtOnce(ds, config.url());
            }
            return new Database(ds, config).withSearch(config).withDeadBytesNoted();
        }
        try {
            // db/migration is shared SQL; db/vendor/<name> holds what H2 and PostgreSQL spell differently (full-text).
            // It lies outside db/migration because Flyway scans locations recursively.
            String vendor = config.isPostgres() ? "classpath:db/vendor/postgresql" : "classpath:db/vendor/h2";
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration", vendor);
            if (config.isPostgres()) {
                // the clustered Quartz job store lives in the same database (issue #9)
                flyway.javaMigrations(new QuartzTablesMigration());
            }
            flyway.load().migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new StoreException("database " + redact(config.url()) + " could not be opened or migrated: "
                    + firstLine(e.getMessage()) + "; check database.url and that no other Collide process holds an"
                    + " embedded H2 file", e);
        }
        if (config.isH2File()) {
            writeCommitsAtOnce(ds, config.url());
        }
        return new Database(ds, config).withSearch(config).withDeadBytesNoted();
    }

    /**
     * H2 keeps a committed transaction in memory for up to WRITE_DELAY (500 ms by default) before writing it to the
     * file, so a killed process loses what it committed last: an outbox row marked SENT after Slack acknowledged it
     * came back PENDING and was sent twice (issue #8, CrashSafetyTest). With 0 every commit is written to the file
     * before it returns (to the OS, without fsync: it survives the process, not a power cut). The setting is
     * persistent and database-wide; changing it needs an admin user, so a refusal is only a warning.
     */
    private static void writeCommitsAtOnce(DataSource ds, String url) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("database={} could not set WRITE_DELAY 0 ({}); commits of the last half second may be lost if"
                    + " the process is killed; connect as the database's admin user", redact(url), e.getMessage());
        }
    }

    /**
     * An embedded H2 file stores its pages compressed (H2's database setting COMPRESS, LZF in the MVStore) unless the
     * URL already sets COMPRESS (issue 18: the file was many times its SQL backup; titles and bodies are text). Pages
     * record whether they are compressed, so a file written without it opens and reads as before. In-memory, server
     * (TCP) and PostgreSQL URLs are unchanged: the server that holds a file chose its own settings.
     */
    static DatabaseConfig compressed(DatabaseConfig config) {
        if (!config.isEmbeddedH2File() || config.url().toUpperCase(Locale.ROOT).contains(";COMPRESS=")) {
            return config;
        }
        return config.withUrl(config.url() + ";COMPRESS=TRUE");
    }

    /** One connection straight from the driver, outside any pool (first contact, backup restore, compaction). */
    static Connection connectWithoutPool(DatabaseConfig config) throws SQLException {
        config = compressed(config);
        return DriverManager.getConnection(config.url(), config.user().orElse(null),
                config.password().map(Secret::reveal).orElse(null));
    }

    /** What the user reads when the driver refuses the first connection: what is wrong and what to do. */
    static String cannotOpen(String url, SQLException e) {
        String where = "database " + redact(url);
        String driverSays = firstLine(e.getMessage());
        // PostgreSQL reports a refused login by SQLSTATE class 28, H2 by error code 28000
        boolean refusedLogin = e.getSQLState() != null && e.getSQLState().startsWith("28");
        return switch (refusedLogin ? 28000 : e.getErrorCode()) {
            // org.h2.api.ErrorCode.FILE_CORRUPTED_1
            case 90030 -> where + " is damaged and cannot be opened (H2: " + driverSays + "). Move the damaged file"
                    + " aside (e.g. data/collide.mv.db to data/collide.mv.db.damaged), then restore the newest backup"
                    + " (collide backup --list; collide restore FILE) or run again, and Collide rebuilds the archive"
                    + " from what the feeds still carry; H2's recovery tool (java -cp collide.jar"
                    + " org.h2.tools.Recover -dir DIR -db NAME) may salvage the rest as SQL";
            // DATABASE_ALREADY_OPEN_1
            case DATABASE_ALREADY_OPEN -> where + " is in use by another process (H2: " + driverSays + "); a"
                    + " running collide run or serve shares it with these commands, other processes (compact, restore,"
                    + " or a database.url with other settings) need it to themselves: stop the other process first";
            case 28000 -> where + " refused the user or password (" + driverSays + "); check database.user and the"
                    + " environment variable database.password names";
            default -> where + " could not be opened: " + driverSays + "; check database.url"
                    + (url.startsWith("jdbc:postgresql:") ? " and that the PostgreSQL server runs and accepts"
                    + " this user" : "");
        };
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        indexer.shutdown();
        try {
            indexer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (searchIndex != null && searchIndex.isPresent()) {
                try {
                    searchIndex.get().catchUp();
                } catch (StoreException e) {
                    LOG.warn("search index not brought up to date ({}); it catches up on the next start",
                            e.getMessage());
                }
                searchIndex.get().close();
            }
        }
        long allowance = compactionAllowance();
        LOG.debug("compaction before close may rewrite {} bytes (dead at open: {})", allowance, deadBytesAtOpen);
        dataSource.close();
        if (allowance > 0) {
            compactReopened(allowance);
        }
    }

    /** For an embedded H2 file: the dead space this run added to it (issue 18), read once the pool is up. */
    private void noteDeadBytesAtOpen() {
        if (embeddedFile.isPresent()) {
            try (Connection c = dataSource.getConnection()) {
                deadBytesAtOpen = H2Housekeeping.of(c).map(H2Housekeeping::deadBytes).orElse(0L);
            } catch (SQLException e) {
                LOG.debug("file's dead space at open unknown: {}", e.getMessage());
            }
        }
    }

    /** How much the compaction before close may rewrite (see {@link H2Housekeeping#rewriteAllowance}); 0: none. */
    private long compactionAllowance() {
        if (embeddedFile.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            return H2Housekeeping.of(c).map(h -> h.rewriteAllowance(deadBytesAtOpen)).orElse(0L);
        } catch (SQLException e) {
            LOG.debug("no compaction before close: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * The file compacted on a fresh open, once the pool has closed it, with one session only (issue 18): in the store
     * the run wrote, the chunks a compaction empties are not freed before it ends, and a 10,000-feed bench's close
     * spent its 5 s budget leaving the file larger; on a fresh open the same step took it from 231 MB to 68 MB.
     */
    private void compactReopened(long allowance) {
        try (Connection c = connectWithoutPool(embeddedFile.get())) {
            Optional<H2Housekeeping> h2 = H2Housekeeping.of(c);
            if (h2.isPresent() && h2.get().isCopyCheaper(allowance)) {
                long before = h2.get().fileSize();
                long start = System.nanoTime();
                shutdownCompact(c);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("archive file copied without its dead space before close: {} -> {} bytes in {} ms",
                            before, java.nio.file.Files.size(Path.of(embeddedFile.get().h2FilePath() + ".mv.db")),
                            (System.nanoTime() - start) / 1_000_000);
                }
                return;
            }
            h2.ifPresent(h -> h.compactBeforeClose(allowance));
        } catch (SQLException | java.io.IOException e) {
            LOG.warn("the archive file was not compacted before closing ({}); `collide compact` does it",
                    firstLine(e.getMessage()));
        }
    }

    /**
     * Closes the embedded H2 database of {@code c} and rewrites its file without dead space: H2 copies the live pages
     * into a new file and renames it over the old one, so a crash leaves the old file and a temporary one that H2
     * deletes at the next open. What {@code collide compact} and, when it is cheaper, {@link #close()} do.
     */
    static void shutdownCompact(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
    }

    /** JDBC URLs may carry a password parameter; keep only what locates the database. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }
}
