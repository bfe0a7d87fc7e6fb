package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14 item 3: the demo keeps its archive with --db, and its corpus holds a release wave. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_withDb_leavesAnArchiveWhoseWavesShowTheApril2026Wave() {
        String db = "jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath();
        assertThat(run("--db", db, "demo", "--format", "csv")).startsWith("0:");

        String waves = run("--db", db, "waves", "--format", "csv");

        assertThat(waves).startsWith("0:").contains("2026-04-20,2026-04-24,\"deepseek, moonshot, qwen, zhipu\"");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return exit + ":" + err + out;
    }
}
