package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.config.BackupConfig;
import dev.collide.config.DatabaseConfig;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups against real H2 files: what is written restores into a new file with every article and its search. */
class BackupsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    private DatabaseConfig h2(String name) {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), Optional.empty(),
                Optional.empty());
    }

    private static Article article(String guid, String title) {
        return new Article("wire", guid, Optional.of(URI.create("https://wire.example/" + guid)), title,
                title + " in full", Optional.of(T0), ArticleKind.NEWS, Optional.empty(), List.of());
    }

    /** A clock the test moves. */
    private static Clock movable(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    @Test
    void write_thenRestoreIntoNewFile_bringsBackEveryArticleAndTheFullTextIndex() throws Exception {
        Path backupDir = dir.resolve("backups");
        BackupConfig config = new BackupConfig(Optional.empty(), 3, Duration.ofDays(1));
        Path backup;
        try (Database db = Database.open(h2("live"))) {
            var articles = new JdbcArticleStore(db.dataSource());
            articles.save(article("a1", "DeepSeek V4 released"), 1, Extraction.EMPTY, T0);
            articles.save(article("a2", "Kimi K2.6 launches"), 2, Extraction.EMPTY, T0);
            articles.save(article("a3", "Qwen3.6 27B open-sourced"), 3, Extraction.EMPTY, T0);
            backup = new Backups(db.dataSource(), backupDir, config, Clock.fixed(T0, ZoneOffset.UTC)).write();
        }
        assertThat(backup.getFileName().toString()).isEqualTo("collide-20261124T030000Z.sql.gz");
        assertThat(Files.list(backupDir)).containsExactly(backup); // no .partial left behind

        Backups.restore(backup, h2("restored"));

        try (Database restored = Database.open(h2("restored"))) {
            var articles = new JdbcArticleStore(restored.dataSource());
            assertThat(articles.count()).isEqualTo(3);
            assertThat(articles.contains("wire", "a2")).isTrue();
            var found = articles.search(new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("Kimi"), 10, 0));
            assertThat(found).extracting(StoredArticle::guid).containsExactly("a2");
        }
    }

    @Test
    void restore_intoAnExistingArchive_refusesAndChangesNothing() throws Exception {
        Path backup;
        try (Database db = Database.open(h2("live"))) {
            new JdbcArticleStore(db.dataSource()).save(article("a1", "DeepSeek V4 released"), 1, Extraction.EMPTY, T0);
            backup = new Backups(db.dataSource(), dir.resolve("b"), BackupConfig.DEFAULT, Clock.systemUTC())
                    .write();
        }
        try (Database other = Database.open(h2("other"))) {
            new JdbcArticleStore(other.dataSource()).save(article("z9", "GLM-5 ships"), 9, Extraction.EMPTY, T0);
        }

        assertThatThrownBy(() -> Backups.restore(backup, h2("other"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("already holds tables").hasMessageContaining("move the old one aside");
        try (Database other = Database.open(h2("other"))) {
            var articles = new JdbcArticleStore(other.dataSource());
            assertThat(articles.count()).isEqualTo(1);
            assertThat(articles.contains("wire", "z9")).isTrue();
        }
    }

    @Test
    void restore_notABackup_saysSo() throws Exception {
        Path junk = Files.writeString(dir.resolve("collide-x.sql.gz"), "not gzip");

        assertThatThrownBy(() -> Backups.restore(junk, h2("fresh"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("is it a Collide backup");
        assertThatThrownBy(() -> Backups.restore(dir.resolve("missing.sql.gz"), h2("fresh2")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void writeIfDue_writesOncePerInterval_andKeepsTheNewest() throws Exception {
        var now = new AtomicReference<>(T0);
        BackupConfig config = new BackupConfig(Optional.empty(), 2, Duration.ofDays(1));
        Path stale = Files.createDirectories(dir.resolve("backups"))
                .resolve("collide-20261120T030000Z.sql.gz.partial");
        Files.writeString(stale, "cut off by a crash");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(T0.minus(Duration.ofDays(4))));
        try (Database db = Database.open(h2("live"))) {
            var backups = new Backups(db.dataSource(), dir.resolve("backups"), config, movable(now));

            assertThat(backups.writeIfDue()).isPresent();
            now.set(T0.plus(Duration.ofHours(23)));
            assertThat(backups.writeIfDue()).as("23 h after the last one").isEmpty();
            for (int day = 1; day <= 3; day++) {
                now.set(T0.plus(Duration.ofDays(day)));
                assertThat(backups.writeIfDue()).as("day " + day).isPresent();
            }

            assertThat(backups.list()).extracting(p -> p.getFileName().toString())
                    .containsExactly("collide-20261126T030000Z.sql.gz", "collide-20261127T030000Z.sql.gz");
            assertThat(stale).doesNotExist();
        }
    }

    @Test
    void write_intoAnUnwritableDirectory_namesTheSetting() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        try (Database db = Database.open(h2("live"))) {
            var backups = new Backups(db.dataSource(), notADir, BackupConfig.DEFAULT, Clock.systemUTC());

            assertThatThrownBy(backups::write).isInstanceOf(StoreException.class)
                    .hasMessageContaining("database.backups.dir");
        }
    }
}
