package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collide eval} on a corpus of sentences written for this test, with and without --config. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private static final String CORPUS = """
            {"id": "a1", "source": "https://news.example/a1", "published": "2025-09-30", "kind": "news", "title": "", \
            "text": "Zhipu released GLM-4.6 on September 30, 2025.", "gold": [{"lab": "zhipu", "model": "GLM-4.6", \
            "date": "2025-09-30", "precision": "day", "alt_dates": [], "optional": false}], "notes": ""}
            {"id": "a2", "source": "https://news.example/a2", "published": "2025-09-30", "kind": "news", "title": "", \
            "text": "GLM-4.6 scores well on coding benchmarks.", "gold": [], "notes": ""}
            """;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return exit + ":" + out;
    }

    @Test
    void eval_table_printsFiguresAndNoMissesWhenAllIsRight() throws IOException {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, CORPUS);

        String out = run("eval", file.toString());

        assertThat(out).startsWith("0:real-text evaluation: 2 passages, 1 required release tuples, 1 passages");
        assertThat(out).contains("strict recall                            1.000   1/1")
                .contains("false releases on no-release passages        0");
    }

    @Test
    void eval_json_namesTheFigures() throws IOException {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, CORPUS);

        String out = run("--config", "config", "eval", "--format", "json", file.toString());

        assertThat(out).startsWith("0:").contains("\"strictPrecision\" : 1.0").contains("\"strictRecall\" : 1.0");
    }

    @Test
    void eval_malformedFile_isAConfigErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{oops\n");

        assertThat(run("eval", file.toString())).startsWith("2:error: ").contains("bad.jsonl:1");
    }
}
