package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: CLI commands work while another process (collide serve / run) holds the embedded H2 file. */
class CliBesideDaemonTest {
    @TempDir
    Path dir;

    private Process daemon;
    private Process second;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {second, daemon}) {
            if (p != null) {
                p.destroy(); // SIGTERM: the daemon stops in order and removes its address file
                p.waitFor();
            }
        }
    }

    @Test
    void collisions_whileServeHoldsTheFile_answersThroughTheDaemon() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        daemon = start(dir.resolve("serve.log"), "archive at", "--config", "config", "--db", url, "serve", "--port",
                "0");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(List.of("--config", "config", "--feeds", "feeds.yml", "--db", url,
                "collisions", "--format", "json").toArray(String[]::new));

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString().replaceAll("\\s", "")).isEqualTo("[]");
    }

    /** A second daemon (run beside serve) uses the file through the first and must not take its share over. */
    @Test
    void runBesideServe_cliStillAnswers_throughTheProcessThatHoldsTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        Files.writeString(dir.resolve("feeds.yml"), "sources:\n  - id: nowhere\n    kind: feed\n"
                + "    url: https://collide-test.invalid/feed.xml\n");
        daemon = start(dir.resolve("serve.log"), "archive at", "--config", "config", "--db", url, "serve",
                "--port", "0");
        second = start(dir.resolve("run.log"), "running with 1 sources", "--config", "config", "--feeds",
                dir.resolve("feeds.yml").toString(), "--db", url, "run", "--no-serve");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--config", "config", "--db", url, "collisions", "--format", "json");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString().replaceAll("\\s", "")).isEqualTo("[]");
    }

    private static Process start(Path log, String ready, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.collide.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains(ready) && p.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // waiting for a child process to start, not timing anything
        }
        assertThat(Files.readString(log)).contains(ready);
        return p;
    }
}
