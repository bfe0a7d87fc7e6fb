package dev.collide.store;

import dev.collide.config.BackupConfig;
import dev.collide.config.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Backups of an embedded H2 archive as gzipped SQL scripts ({@code SCRIPT TO}), named by their UTC time so that
 * the names sort oldest first, and their restore ({@code RUNSCRIPT}) into an empty database.
 */
public final class Backups {
    private static final String PREFIX = "collide-";
    private static final String SUFFIX = ".sql.gz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path dir;
    private final int keep;
    private final Duration every;
    private final Clock clock;

    public Backups(DataSource dataSource, Path dir, BackupConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.dir = dir;
        this.keep = config.keep();
        this.every = config.every();
        this.clock = clock;
    }

    /** Writes a backup unless the newest one is younger than {@code every}; returns the new file, if any. */
    public Optional<Path> writeIfDue() throws StoreException {
        Optional<Instant> newest = newest().map(Backups::writtenAt);
        if (newest.isPresent() && Duration.between(newest.get(), clock.instant()).compareTo(every) < 0) {
            return Optional.empty();
        }
        return Optional.of(write());
    }

    /**
     * Writes a backup now and deletes the oldest beyond {@code keep}. The script is written under a temporary name
     * and renamed when complete, so a crash mid-way never leaves a truncated file that looks like a backup.
     */
    public Path write() throws StoreException {
        Path target = dir.resolve(PREFIX + STAMP.format(clock.instant()) + SUFFIX);
        Path partial = dir.resolve(target.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SCRIPT TO " + quote(partial) + " COMPRESSION GZIP");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            throw new StoreException("backup to " + dir + " failed: " + e.getMessage()
                    + "; check that the directory (database.backups.dir) is writable and the disk has room", e);
        }
        prune();
        return target;
    }

    /** The backups kept, oldest first. */
    public List<Path> list() throws StoreException {
        return list(dir);
    }

    /** The backups in {@code dir}, oldest first. */
    public static List<Path> list(Path dir) throws StoreException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Backups::isBackup).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list backups in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<Path> newest() throws StoreException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private void prune() throws StoreException {
        List<Path> all = list();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            deleteQuietly(old);
        }
        // a backup cut off by a crash leaves its .partial file; one an hour old is no longer being written
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path partial : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX + ".partial")).toList()) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(hourAgo)) {
                    deleteQuietly(partial);
                }
            }
        } catch (IOException e) {
            // stale partial files are harmless; next time
        }
    }

    /**
     * Restores {@code script} into {@code target}, which must be an H2 database without tables (a new file), then
     * applies the migrations a newer Collide added since the backup. Refuses to overwrite an archive.
     */
    public static void restore(Path script, DatabaseConfig target) throws StoreException {
        if (target.isPostgres()) {
            throw new StoreException("collide restore writes H2 databases; back up and restore PostgreSQL with"
                    + " pg_dump and pg_restore");
        }
        if (!Files.isRegularFile(script)) {
            throw new StoreException("backup " + script + " does not exist or is not a file");
        }
        try (Connection c = Database.connectWithoutPool(target); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    throw new StoreException("database " + Database.redact(target.url()) + " already holds tables;"
                            + " restore into a new file: move the old one aside (e.g. data/collide.mv.db to"
                            + " data/collide.mv.db.damaged) or name another with --db jdbc:h2:file:./data/restored");
                }
            }
            s.execute("RUNSCRIPT FROM " + quote(script) + " COMPRESSION GZIP");
        } catch (SQLException e) {
            throw new StoreException("restore of " + script + " into " + Database.redact(target.url()) + " failed: "
                    + e.getMessage().lines().findFirst().orElse("") + "; is it a Collide backup (collide-*.sql.gz)?",
                    e);
        }
        Database.open(target).close(); // migrations newer than the backup
    }

    /**
     * Rewrites an embedded H2 file without its dead space ({@code SHUTDOWN COMPACT}) and returns its size before and
     * after. H2 keeps old chunks for a while and reuses their space slowly, so a file that took many writes (a first
     * fetch of many sources, a restore) can be many times larger than its data. Needs the file to itself: with a
     * daemon running, the open fails with "in use by another process".
     */
    public static long[] compact(DatabaseConfig target) throws StoreException {
        if (!target.isEmbeddedH2File()) {
            throw new StoreException("collide compact rewrites embedded H2 files; PostgreSQL reclaims space with"
                    + " VACUUM");
        }
        Database.open(target).close(); // a damaged or locked file is reported in Database's words, with what to do
        Path file = Path.of(target.h2FilePath() + ".mv.db");
        long before = sizeOf(file);
        try (Connection c = Database.connectWithoutPool(target)) {
            Database.shutdownCompact(c);
        } catch (SQLException e) {
            throw new StoreException("compacting " + Database.redact(target.url()) + " failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return new long[] {before, sizeOf(file)};
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** From the name, not the file's time, which a copy or a restore from tape changes. */
    static Instant writtenAt(Path backup) {
        String name = backup.getFileName().toString();
        try {
            return Instant.from(STAMP.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH; // a hand-named file: treat as old, so a fresh backup is written
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /** An SQL string literal: paths may hold quotes. */
    private static String quote(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is harmless: list() ignores .partial files and prune() tries again next time
        }
    }
}
