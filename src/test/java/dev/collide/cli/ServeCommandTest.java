package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void serve_portOutOfRange_isUsageError() {
        var cli = Main.newCommandLine();
        var err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("serve", "--port", "70000");

        assertThat(status).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).startsWith("error: --port 70000 is not a TCP port; use 0 to 65535");
    }
}
