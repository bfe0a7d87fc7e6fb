package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var cli = Main.newCommandLine();
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void extract_fileWithRelease_printsMentionJson() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "Moonshot released Kimi K2.6 yesterday. GLM-4.6 runs on a single workstation.");

        Run r = run("--config", "config", "extract", "--date", "2026-04-29", file.toString());

        assertThat(r.exit()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.isArray()).isTrue();
        JsonNode first = list.get(0);
        assertThat(first.get("lab").asText()).isEqualTo("moonshot");
        assertThat(first.get("model").asText()).isEqualTo("Kimi K2.6");
        assertThat(first.get("modelId").asText()).isEqualTo("kimi-k2.6");
        assertThat(first.get("family").asText()).isEqualTo("kimi-k2.6");
        assertThat(first.get("release").asBoolean()).isTrue();
        assertThat(first.get("date").asText()).isEqualTo("2026-04-28");
        assertThat(first.get("precision").asText()).isEqualTo("DAY");
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(first.get("evidence").asText()).isEqualTo("Moonshot released Kimi K2.6 yesterday.");
        assertThat(list.get(1).get("release").asBoolean()).isFalse();
        assertThat(list).hasSize(2);
    }

    @Test
    void extract_coReleasesOption_printsMentionsAndStatements() throws IOException {
        Path file = dir.resolve("b.txt");
        Files.writeString(file, "DeepSeek released DeepSeek-R1 and Moonshot AI released Kimi k1.5 within hours of"
                + " each other on January 20.");

        Run r = run("--config", "config", "extract", "--co-releases", "--date", "2025-01-21", file.toString());

        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("mentions")).hasSize(2);
        JsonNode co = json.get("coReleases").get(0);
        assertThat(co.get("labA").asText() + "/" + co.get("labB").asText()).isEqualTo("deepseek/moonshot");
        assertThat(co.get("maxGapDays").asInt()).isZero();
    }

    @Test
    void extract_invalidUtf8File_printsEmptyLists() throws IOException {
        Path file = dir.resolve("junk.bin");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF, 'G', 'L', 'M'});

        Run r = run("--config", "config", "extract", "--date", "2026-04-29", file.toString());

        assertThat(r.exit()).isZero();
        assertThat(new ObjectMapper().readTree(r.out())).isEmpty();
    }

    @Test
    void extract_missingDate_isUsageError() {
        Run r = run("--config", "config", "extract");

        assertThat(r.exit()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(r.err()).startsWith("error: Missing required option: '--date=YYYY-MM-DD'");
    }

    @Test
    void extract_missingFile_isErrorWithoutStackTrace() {
        Run r = run("--config", "config", "extract", "--date", "2026-04-29", dir.resolve("nope.txt").toString());

        assertThat(r.exit()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(r.err()).startsWith("error: cannot read " + dir.resolve("nope.txt"));
    }
}
