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

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy(); // SIGTERM: the daemon stops in order and removes its address file
            daemon.waitFor();
        }
    }

    @Test
    void collisions_whileServeHoldsTheFile_answersThroughTheDaemon() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        Path log = dir.resolve("serve.log");
        daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.collide.cli.Main",
                "--config", "config", "--db", url, "serve", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains("archive at") && daemon.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // waiting for a child process to start, not timing anything
        }
        assertThat(Files.readString(log)).contains("archive at");

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
}
