package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArticleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandsTest {
    @TempDir
    Path dir;

    private Path backups;

    @BeforeEach
    void fill() throws Exception {
        backups = dir.resolve("backups");
        Files.writeString(dir.resolve("collide.yml"), "database:\n  backups:\n    dir: " + backups + "\n    keep: 2\n");
        Files.copy(Path.of("config/labs.yml"), dir.resolve("labs.yml"));
        try (Database db = Database.open(new DatabaseConfig(url("live"), Optional.empty(), Optional.empty()))) {
            var article = new Article("wire", "g1", Optional.of(URI.create("https://wire.example/v4")),
                    "DeepSeek ships V4", "", Optional.of(Instant.parse("2026-04-24T10:00:00Z")), ArticleKind.NEWS,
                    Optional.empty(), List.of());
            new JdbcArticleStore(db.dataSource()).save(article, 1, Extraction.EMPTY, Instant.now());
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String db, String... args) {
        var cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--config", dir.toString(), "--db", db));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void backupThenRestore_intoANewFile_givesTheSameArchive_andNeverOverwritesOne() throws Exception {
        Result backup = run(url("live"), "backup");
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("backup written: " + backups.resolve("collide-"));
        Path file;
        try (var files = Files.list(backups)) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(run(url("live"), "backup", "--list").out()).contains(file.toString(), "1 backups in");

        Result restore = run(url("restored"), "restore", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(run(url("restored"), "articles").out()).contains("DeepSeek ships V4");

        Result again = run(url("restored"), "restore", file.toString());
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("already holds tables");
    }

    @Test
    void compact_afterManyWrites_shrinksTheFile_andKeepsTheArchive() throws Exception {
        try (Database db = Database.open(new DatabaseConfig(url("live"), Optional.empty(), Optional.empty()))) {
            var articles = new JdbcArticleStore(db.dataSource());
            String body = "DeepSeek ships V4 with open weights. ".repeat(40);
            for (int i = 0; i < 3000; i++) {
                var article = new Article("wire", "bulk-" + i, Optional.of(URI.create("https://wire.example/" + i)),
                        "Bulk " + i, body + i, Optional.of(Instant.parse("2026-04-24T10:00:00Z")), ArticleKind.NEWS,
                        Optional.empty(), List.of());
                articles.save(article, i, Extraction.EMPTY, Instant.now());
            }
        }
        // dead space that Collide's own close would compact away: written by another program, H2's close pass off
        try (var c = java.sql.DriverManager.getConnection(url("live") + ";COMPRESS=TRUE;MAX_COMPACT_TIME=0");
             var s = c.createStatement()) {
            for (int round = 0; round < 5; round++) {
                s.execute("UPDATE articles SET title = title || ' '");
            }
        }
        long before = Files.size(dir.resolve("live.mv.db"));

        Result r = run(url("live"), "compact");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("compacted: ");
        assertThat(Files.size(dir.resolve("live.mv.db"))).isLessThan(before);
        assertThat(run(url("live"), "articles", "--format", "csv", "--limit", "1000").out().lines()
                .filter(l -> l.contains("Bulk ")).count()).isEqualTo(1000);
        assertThat(run(url("live"), "articles", "-q", "ships").out()).contains("Bulk 2999"); // full-text index intact
    }

    @Test
    void backup_ofPostgres_pointsToPgDump() {
        Result r = run("jdbc:postgresql://127.0.0.1:1/collide", "backup");

        assertThat(r.code()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(r.err()).contains("use pg_dump");
    }
}
