package dev.collide.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Backups of an embedded H2 archive: a compressed SQL dump every {@code every}, the newest {@code keep} kept in
 * {@code dir} (default: beside the database file). A dump rather than a copy of the file: H2 has had bugs where a
 * copied or crash-recovered file later failed to open ("Double mark"), and a dump restores into a fresh file of any
 * H2 version.
 */
public record BackupConfig(Optional<Path> dir, int keep, Duration every) {
    /** Daily, the last 7, in a {@code backups} directory beside the database file. */
    public static final BackupConfig DEFAULT = new BackupConfig(Optional.empty(), 7, Duration.ofDays(1));

    public BackupConfig withDir(Path newDir) {
        return new BackupConfig(Optional.of(newDir), keep, every);
    }

    public boolean enabled() {
        return keep > 0;
    }
}
