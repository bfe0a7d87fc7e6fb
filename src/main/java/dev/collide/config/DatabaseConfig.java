package dev.collide.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where the archive lives. User and password, when needed, come from environment variables. */
public record DatabaseConfig(String url, Optional<String> user, Optional<Secret> password, BackupConfig backups) {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE";

    public DatabaseConfig(String url, Optional<String> user, Optional<Secret> password) {
        this(url, user, password, BackupConfig.DEFAULT);
    }

    /**
     * Where backups go: database.backups.dir, else a {@code backups} directory beside the H2 file
     * ({@code jdbc:h2:file:./data/collide} backs up to {@code ./data/backups}).
     */
    public Path backupDir() {
        return backups.dir().orElseGet(() -> {
            Path parent = h2FilePath().getParent();
            return parent == null ? Path.of("backups") : parent.resolve("backups");
        });
    }

    /** The path of an H2 URL without H2's suffix: {@code jdbc:h2:file:./data/collide;...} is {@code ./data/collide}. */
    public Path h2FilePath() {
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        return Path.of(path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path);
    }

    /** An H2 database kept in a file, embedded in this process: the one kind Collide backs up itself. */
    public boolean isEmbeddedH2File() {
        return isH2File() && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** An H2 database kept in a file (embedded, AUTO_SERVER or through an H2 server), not in memory. */
    public boolean isH2File() {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * For a process that closes the database itself on Ctrl-C (run, serve): an embedded H2 file then skips H2's own
     * shutdown hook, which would close the file while a scheduled job still writes to it. Other URLs are unchanged,
     * and so is AUTO_SERVER=TRUE, which H2 refuses to combine with DB_CLOSE_ON_EXIT=FALSE.
     */
    public DatabaseConfig closedByOwner() {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!isEmbeddedH2File() || upper.contains("DB_CLOSE_ON_EXIT=") || upper.contains("AUTO_SERVER=TRUE")) {
            return this;
        }
        return withUrl(url + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * For a command that only reads (events, collisions, articles, rivals, waves): an embedded H2 file is closed
     * without H2's compaction pass (up to MAX_COMPACT_TIME, 200 ms by default, and in practice 0.7 s on a 10 GB
     * archive), which dominated such a query's wall time. The daemon still compacts when it closes.
     */
    public DatabaseConfig forQuery() {
        return withoutH2ClosePass();
    }

    /**
     * For {@code collide fetch}: an embedded H2 file is closed without H2's own compaction pass, which took 1.2-1.4 s
     * of every close, warm runs too (a 2,000-feed bench's 1 % round: 627 feeds/s with it, 1,090 without). The file
     * stays bounded: the archive compacts it before closing whenever less than 70 % of it is live (see
     * {@code H2Housekeeping.compactBeforeClose}), so a run now and then pays for many, not each run a little.
     */
    public DatabaseConfig forFetch() {
        return withoutH2ClosePass();
    }

    private DatabaseConfig withoutH2ClosePass() {
        if (!isEmbeddedH2File() || url.toUpperCase(Locale.ROOT).contains("MAX_COMPACT_TIME=")) {
            return this;
        }
        return withUrl(url + ";MAX_COMPACT_TIME=0");
    }

    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, user, password, backups);
    }
}
