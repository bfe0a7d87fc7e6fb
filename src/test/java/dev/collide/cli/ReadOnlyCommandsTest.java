package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14 items 2 and 3: read-only commands need no feeds file; the jar's config stands in for ./config. */
class ReadOnlyCommandsTest {
    @TempDir
    Path dir;

    @Test
    void collisions_withoutFeedsFile_listsTheArchive() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--feeds", dir.resolve("no-such-feeds.yml").toString(), "--db",
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "collisions", "--format", "csv");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("id,");
    }

    @Test
    void loadWithoutSources_missingDefaultDirectory_readsTheBundledConfig() throws ConfigException {
        var config = ConfigLoader.fromEnvironment().withBundledFallback().loadWithoutSources(dir.resolve("config"));

        assertThat(config.labs()).extracting(lab -> lab.id()).contains("deepseek", "moonshot", "qwen");
    }

    @Test
    void loadWithoutSources_missingExplicitDirectory_saysFileNotFound() {
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment().loadWithoutSources(dir.resolve("config")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("labs.yml").hasMessageContaining("not found");
    }
}
