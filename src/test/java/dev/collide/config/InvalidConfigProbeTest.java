package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 item 10: every invalid config names the file, the line and what to change. Each case writes one broken
 * file next to two good ones and checks the message has {@code FILE line N:} and a phrase telling the fix.
 */
class InvalidConfigProbeTest {
    private static final String LABS = """
            labs:
              - id: deepseek
                name: DeepSeek
              - id: moonshot
                name: Moonshot AI
            """;
    private static final String FEEDS = """
            sources:
              - id: hf-blog
                url: https://huggingface.co/blog/feed.xml
            """;
    private static final String BOMB = """
            a: &a ["x","x","x","x","x","x","x","x","x"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SLACK_URL", "https://hooks.example/x")::get)
            .withKinds(SourceTypes.BUILT_IN.all());

    /** file, content (latin-1 "\u00e9" is written as one byte 0xE9 when the case asks for raw bytes), line, fix. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // non-UTF-8 bytes, in each of the three files
                c("feeds.yml", "sources:\n  - id: caf\u00e9\n    url: https://a.example/f\n", 2, "save the file as UTF-8"),
                c("collide.yml", "detection:\n  window: 7d\n# r\u00e9sum\u00e9\n", 3, "save the file as UTF-8"),
                c("labs.yml", "labs:\n  - id: deepseek\n    name: D\u00e9epSeek\n", 3, "save the file as UTF-8"),
                // alias bomb
                c("feeds.yml", BOMB, 4, "alias bomb"),
                c("collide.yml", BOMB, 4, "alias bomb"),
                // unclosed quote: reported where it opens
                c("feeds.yml", "sources:\n  - id: a\n    url: \"https://a.example/f\n    every: 30m\n"
                        + "  - id: b\n    url: https://b.example/f\n", 3, "close the quote"),
                c("collide.yml", "detection:\n  window: '7d\n  minConfidence: 0.5\n", 2, "close the quote"),
                // bad indentation at its own line
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n   every: 30m\n", 4,
                        "indent"),
                c("collide.yml", "detection:\n  window: 7d\n    minConfidence: 0.5\n", 3, "indent"),
                c("labs.yml", "labs:\n  - id: deepseek\n      name: DeepSeek\n", 3, "indent"),
                // tab indentation
                c("feeds.yml", "sources:\n\t- id: a\n\t  url: https://a.example/f\n", 2, "spaces"),
                c("collide.yml", "detection:\n\twindow: 7d\n", 2, "spaces"),
                // logging level
                c("collide.yml", "logging:\n  level: LOUD\n", 2, "ERROR, WARN, INFO, DEBUG, TRACE"),
                c("collide.yml", "logging:\n  colour: red\n", 2, "expected one of"),
                // unknown key with did-you-mean
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    evry: 30m\n", 4,
                        "did you mean 'every'"),
                c("collide.yml", "detections:\n  window: 7d\n", 1, "did you mean 'detection'"),
                c("collide.yml", "detection:\n  windw: 7d\n", 2, "did you mean 'window'"),
                c("labs.yml", "labs:\n  - id: deepseek\n    alias: [DS]\n", 3, "did you mean 'aliases'"),
                c("feeds.yml", "source:\n  - id: a\n    url: https://a.example/f\n", 1, "did you mean 'sources'"),
                // bad durations
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    every: 30 minutes\n", 4,
                        "e.g. 90s, 30m"),
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    every: 10s\n", 4,
                        "at least 1m"),
                c("collide.yml", "detection:\n  window: 1h\n", 2, "at least 1d"),
                c("collide.yml", "http:\n  readTimeout: soon\n", 2, "e.g. 90s, 30m"),
                // bad URLs
                c("feeds.yml", "sources:\n  - id: a\n    url: ftp://a.example/f\n", 3, "must start with http://"),
                c("feeds.yml", "sources:\n  - id: a\n    url: https://\n", 3, "has no host"),
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f g\n", 3, "not a valid URL"),
                c("feeds.yml", "sources:\n  - id: a\n", 2, "add \"url: https://"),
                c("collide.yml", "database:\n  url: mysql://x\n", 2, "must start with jdbc:h2:"),
                // duplicate ids and keys
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n  - id: a\n"
                        + "    url: https://b.example/f\n", 4, "already used at line 2"),
                c("labs.yml", "labs:\n  - id: deepseek\n  - id: deepseek\n", 3, "merge the two entries"),
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    url: https://b.example/f\n", 4,
                        "keep one"),
                // missing required keys
                c("feeds.yml", "sources:\n  - url: https://a.example/f\n", 2, "give every source an id"),
                c("labs.yml", "labs:\n  - name: DeepSeek\n", 2, "give the lab an id"),
                c("labs.yml", "labs: []\n", 1, "add a 'labs:' list"),
                // wrong types
                c("feeds.yml", "sources:\n  id: a\n  url: https://a.example/f\n", 1, "lines starting with '- '"),
                c("feeds.yml", "sources:\n  - id: [a, b]\n    url: https://a.example/f\n", 2, "single value"),
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    enabled: maybe\n", 4,
                        "true or false"),
                c("collide.yml", "detection:\n  minConfidence: high\n", 2, "must be a number"),
                c("collide.yml", "detection:\n  minConfidence: 3\n", 2, "between 0.0 and 1.0"),
                c("collide.yml", "http:\n  maxRetries: 99\n", 2, "between 0 and 10"),
                c("collide.yml", "detection: 7d\n", 1, "block of keys"),
                c("feeds.yml", "- id: a\n  url: https://a.example/f\n", 1, "mapping of keys"),
                // references
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n    lab: openai\n", 4,
                        "does not define"),
                c("feeds.yml", "sources:\n  - id: a\n    kind: podcast\n    url: https://a.example/f\n", 3,
                        "use one of feed"),
                c("feeds.yml", "sources:\n  - id: A_B\n    url: https://a.example/f\n", 2, "only a-z, 0-9"),
                c("collide.yml", "detection:\n  rivals: [deepseek-openai]\n", 2, "unknown lab 'openai'"),
                c("labs.yml", "labs:\n  - id: deepseek\n    models: ['DeepSeek-(V']\n", 3, "regular expression"),
                // secrets and environment
                c("collide.yml", "database:\n  url: jdbc:postgresql://db/x\n  password: hunter2\n", 3,
                        "environment variable"),
                c("feeds.yml", "sources:\n  - id: a\n    url: ${NO_SUCH_VAR}/f\n", 3, "export it"),
                // plain YAML syntax
                c("feeds.yml", "sources:\n  - id: a\n    url: https://a.example/f\n  - id: b\n    url: [x\n", 5,
                        "close the bracket"),
                c("collide.yml", "detection:\n  window: 7d\n  : 3\n", 3, "YAML"));
    }

    private static Arguments c(String file, String content, int line, String fix) {
        return Arguments.of(file, content, line, fix);
    }

    @ParameterizedTest(name = "[{index}] {0} line {2}: {3}")
    @MethodSource("cases")
    void invalidConfig_namesFileLineAndFix(String file, String content, int line, String fix) throws Exception {
        write("collide.yml", "");
        write("labs.yml", LABS);
        write("feeds.yml", FEEDS);
        write(file, content);

        assertThatThrownBy(() -> loader.load(dir, dir.resolve("feeds.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve(file) + " line " + line + ":")
                .hasMessageContaining(fix);
    }

    @Test
    void emptyFeeds_loadsWithAWarningNamingTheFile() throws Exception {
        write("collide.yml", "");
        write("labs.yml", LABS);
        write("feeds.yml", "# nothing yet\n");

        CollideConfig config = loader.load(dir, dir.resolve("feeds.yml"));

        assertThat(config.sources()).isEmpty();
        assertThat(loader.warnings()).singleElement().asString()
                .startsWith(dir.resolve("feeds.yml") + ":").contains("no sources").contains("sources:");
    }

    @Test
    void goodFiles_giveNoWarning() throws Exception {
        write("collide.yml", "logging:\n  level: info\n");
        write("labs.yml", LABS);
        write("feeds.yml", FEEDS);

        loader.load(dir, dir.resolve("feeds.yml"));

        assertThat(loader.warnings()).isEmpty();
    }

    /** Non-ASCII chars below U+0100 in a case are written as single Latin-1 bytes: not UTF-8. */
    private void write(String name, String content) throws Exception {
        byte[] bytes = content.chars().allMatch(ch -> ch < 0x80) || !content.contains("\u00e9")
                ? content.getBytes(StandardCharsets.UTF_8) : content.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve(name), bytes);
    }
}
