package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.store.CollisionCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14 item 6: errors in one line, worded as the API words them; the CLI's CSV has the API's columns. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private final String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void collisionsCsv_reDetectedWithWindow_hasTheApiColumns() {
        assertThat(run("--db", db, "collisions", "--window", "3d", "--format", "csv"))
                .isEqualTo("0:" + CollisionCsv.HEADER + "\r\n");
    }

    @Test
    void collisions_badSince_oneLineAsTheApiSaysIt() {
        assertThat(run("--db", db, "collisions", "--since", "2026-13-01")).isEqualTo("2:error: since '2026-13-01' is"
                + " not a date; write YYYY-MM-DD, e.g. 2026-04-24; see 'collide collisions --help'\n");
    }

    @Test
    void collisions_unknownLab_isAnError() {
        assertThat(run("--db", db, "collisions", "--lab", "nosuch"))
                .startsWith("2:error: lab 'nosuch' is not a configured lab; known labs: deepseek,").hasLineCount(1);
    }

    @Test
    void digest_withoutOption_saysErrorOnce() {
        assertThat(run("--db", db, "digest")).isEqualTo("2:error: Missing required argument (specify one of these):"
                + " (--preview | --send-now); see 'collide digest --help'\n");
    }

    @Test
    void importOpml_missingFile_oneLineExit2() throws Exception {
        Files.writeString(dir.resolve("feeds.yml"), "sources: []\n");
        Path missing = dir.resolve("nope.opml");
        assertThat(run("--feeds", dir.resolve("feeds.yml").toString(), "sources", "import-opml", missing.toString()))
                .isEqualTo("2:error: " + missing + ": file not found; pass the OPML file your feed reader exported\n");
    }

    @Test
    void importOpml_notOpml_exit2() throws Exception {
        Path html = Files.writeString(dir.resolve("page.xml"), "<html><body/></html>");
        Files.writeString(dir.resolve("feeds.yml"), "sources: []\n");
        assertThat(run("--feeds", dir.resolve("feeds.yml").toString(), "sources", "import-opml", html.toString()))
                .startsWith("2:error: " + html + ": not an OPML file (its root element is <html>").hasLineCount(1);
    }

    @Test
    void collisionsCsv_hasTheApiColumns() {
        assertThat(run("--db", db, "collisions", "--format", "csv")).isEqualTo("0:" + CollisionCsv.HEADER + "\r\n");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return exit + ":" + out;
    }
}
