package dev.collide;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The product's log format (src/main/resources/logback.xml, not the tests' own) as a terminal receives it: a feed's
 * escape sequences, C1 controls, bidi overrides and line breaks never reach it (issue 17 item 8).
 */
class LogFormatTest {
    private final LoggerContext context = new LoggerContext();
    private OutputStreamAppender<ILoggingEvent> console;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configure() throws Exception {
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void consoleLine_messageQuotingAFeed_hasNoControlCharacters() {
        var event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("dev.collide.Pipeline"),
                Level.WARN, "source={} failed: {}", null, new Object[] {"lab-blog",
                        "title \u001b]0;owned\u0007 \u009b31m\u202egnp.exe\n12:00:00.000 ERROR forged line"});

        String line = new String(console.getEncoder().encode(event), UTF_8);

        assertThat(line).endsWith(" WARN  Pipeline - source=lab-blog failed: title  ]0;owned   31m gnp.exe"
                + " 12:00:00.000 ERROR forged line\n");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void consoleLine_exceptionQuotingAFeed_keepsTheTraceWithoutControls() {
        var error = new IllegalStateException("bad title \u001b[2J\u202e");
        var event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("dev.collide.Pipeline"),
                Level.ERROR, "poll failed", error, null);

        List<String> lines = new String(console.getEncoder().encode(event), UTF_8).lines().toList();

        assertThat(lines.get(0)).endsWith(" ERROR Pipeline - poll failed");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: bad title [2J");
        assertThat(lines.get(2)).startsWith("\tat dev.collide.LogFormatTest.");
        assertThat(String.join("\n", lines)).doesNotContain("\u001b", "\u202e");
    }
}
