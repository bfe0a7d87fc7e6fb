package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final String LABS = """
            labs:
              - id: deepseek
                name: DeepSeek
                aliases: [DeepSeek]
              - id: moonshot
                name: Moonshot AI
                brands: [Kimi]
            """;
    private static final String GOOD_FEEDS = """
            sources:
              - id: hf-blog
                kind: feed
                url: https://huggingface.co/blog/feed.xml
                every: 30m
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SLACK_URL", "https://hooks.example/x")::get)
            .withKinds(SourceTypes.BUILT_IN.all());

    private CollideConfig load(String collide, String labs, String feeds) throws Exception {
        Files.writeString(dir.resolve("collide.yml"), collide);
        Files.writeString(dir.resolve("labs.yml"), labs);
        Files.writeString(dir.resolve("feeds.yml"), feeds);
        return loader.load(dir, dir.resolve("feeds.yml"));
    }

    @Test
    void load_shippedConfig_isValid() throws Exception {
        CollideConfig config = ConfigLoader.fromEnvironment().withKinds(SourceTypes.BUILT_IN.all())
                .load(Path.of("config"), Path.of("feeds.yml"));

        assertThat(config.detection().window()).isEqualTo(Duration.ofDays(7));
        assertThat(config.labs()).extracting(Lab::id).contains("deepseek", "moonshot", "qwen", "zhipu", "minimax");
        assertThat(config.sources()).extracting(SourceConfig::id).contains("hf-blog", "qwen-blog");
        assertThat(config.detection().isRivalry("moonshot", "deepseek")).isTrue();
    }

    @Test
    void load_minimalFiles_appliesDefaults() throws Exception {
        CollideConfig config = load("", LABS, GOOD_FEEDS);

        assertThat(config.database().url()).isEqualTo(DatabaseConfig.DEFAULT_URL);
        assertThat(config.detection().window()).isEqualTo(Duration.ofDays(7));
        assertThat(config.http().maxRedirects()).isEqualTo(5);
        SourceConfig source = config.sources().get(0);
        assertThat(source.id()).isEqualTo("hf-blog");
        assertThat(source.kind()).isEqualTo(SourceKind.FEED);
        assertThat(source.every()).isEqualTo(Duration.ofMinutes(30));
        assertThat(source.enabled()).isTrue();
    }

    @Test
    void load_sourceWithLabAndParams_keepsThem() throws Exception {
        CollideConfig config = load("", LABS, """
                sources:
                  - id: ds
                    url: file:/tmp/ds.atom
                    lab: deepseek
                    every: 1h30m
                    fullText: true
                """);

        SourceConfig s = config.sources().get(0);
        assertThat(s.lab()).contains("deepseek");
        assertThat(s.every()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.flag("fullText")).isTrue();
        assertThat(s.url().getScheme()).isEqualTo("file");
    }

    @Test
    void load_backups_readsDirKeepAndInterval_andDefaultsToDaily() throws Exception {
        assertThat(load("", LABS, GOOD_FEEDS).database().backups()).isEqualTo(BackupConfig.DEFAULT);

        BackupConfig backups = load("""
                database:
                  backups:
                    dir: /var/backups/collide
                    keep: 0
                    every: 12h
                """, LABS, GOOD_FEEDS).database().backups();

        assertThat(backups.dir()).contains(Path.of("/var/backups/collide"));
        assertThat(backups.every()).isEqualTo(Duration.ofHours(12));
        assertThat(backups.enabled()).isFalse();
    }

    @Test
    void parseDuration_units_areSummed() {
        assertThat(YamlMap.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(YamlMap.parseDuration("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(YamlMap.parseDuration("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(YamlMap.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void secret_isNeverPrinted() {
        Secret secret = new Secret("SLACK_URL", "https://hooks.slack.com/services/T/B/xyz");

        assertThat(secret.toString()).doesNotContain("hooks").isEqualTo("***(SLACK_URL)");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                // name, collide.yml, labs.yml, feeds.yml, file in the message, line, words of the message
                Arguments.of("bad YAML indentation", "", LABS, "sources:\n  - id: a\n   url: x\n", "feeds.yml", 3,
                        "not valid YAML"),
                Arguments.of("unclosed quote", "", LABS, "sources:\n  - id: \"a\n", "feeds.yml", 0, "not valid YAML"),
                Arguments.of("top level is a list", "", LABS, "- id: a\n", "feeds.yml", 1, "top level must be"),
                Arguments.of("unknown top key in feeds", "", LABS, "source:\n  - id: a\n", "feeds.yml", 1,
                        "unknown key 'source'"),
                Arguments.of("unknown source key", "", LABS, GOOD_FEEDS + "    evry: 5m\n", "feeds.yml", 6,
                        "unknown key 'evry'"),
                Arguments.of("missing id", "", LABS, "sources:\n  - url: https://a.example/f\n", "feeds.yml", 2,
                        "missing 'id'"),
                Arguments.of("bad id", "", LABS, "sources:\n  - id: Hf_Blog\n    url: https://a.example/f\n",
                        "feeds.yml", 2, "must use only a-z"),
                Arguments.of("duplicate id", "", LABS, GOOD_FEEDS + "  - id: hf-blog\n    url: https://b.example/f\n",
                        "feeds.yml", 6, "already used at line 2"),
                Arguments.of("missing url", "", LABS, "sources:\n  - id: a\n    kind: feed\n", "feeds.yml", 2,
                        "has no url"),
                Arguments.of("bad url scheme", "", LABS, "sources:\n  - id: a\n    url: ftp://a.example/f\n",
                        "feeds.yml", 3, "must start with http://"),
                Arguments.of("url with spaces", "", LABS, "sources:\n  - id: a\n    url: https://a b/f\n",
                        "feeds.yml", 3, "not a valid URL"),
                Arguments.of("url without host", "", LABS, "sources:\n  - id: a\n    url: https:///feed\n",
                        "feeds.yml", 3, "has no host"),
                Arguments.of("bad duration", "", LABS, GOOD_FEEDS.replace("30m", "30 minutes"), "feeds.yml", 5,
                        "not a duration"),
                Arguments.of("too frequent", "", LABS, GOOD_FEEDS.replace("30m", "10s"), "feeds.yml", 5,
                        "at least 1m"),
                Arguments.of("unknown kind", "", LABS, GOOD_FEEDS.replace("kind: feed", "kind: podcast"),
                        "feeds.yml", 3, "unknown kind 'podcast'"),
                Arguments.of("github-org without org", "", LABS, "sources:\n  - id: gh\n    kind: github-org\n",
                        "feeds.yml", 2, "needs the GitHub organisation"),
                Arguments.of("unknown lab in source", "", LABS, GOOD_FEEDS + "    lab: openai\n", "feeds.yml", 6,
                        "names lab 'openai'"),
                Arguments.of("bad enabled", "", LABS, GOOD_FEEDS + "    enabled: maybe\n", "feeds.yml", 6,
                        "must be true or false"),
                Arguments.of("literal secret", "", LABS, GOOD_FEEDS + "    token: hf_abcdef\n", "feeds.yml", 6,
                        "must not be written in a file"),
                Arguments.of("missing env var", "database:\n  url: ${NO_SUCH_VAR}\n", LABS, GOOD_FEEDS,
                        "collide.yml", 2, "NO_SUCH_VAR"),
                Arguments.of("unknown top key in collide.yml", "detecton:\n  window: 3d\n", LABS, GOOD_FEEDS,
                        "collide.yml", 1, "unknown key 'detecton'"),
                Arguments.of("window too short", "detection:\n  window: 2h\n", LABS, GOOD_FEEDS, "collide.yml", 2,
                        "at least 1d"),
                Arguments.of("confidence out of range", "detection:\n  minConfidence: 1.5\n", LABS, GOOD_FEEDS,
                        "collide.yml", 2, "between 0.0 and 1.0"),
                Arguments.of("bad rival pair", "detection:\n  rivals: [deepseek]\n", LABS, GOOD_FEEDS,
                        "collide.yml", 2, "two lab ids"),
                Arguments.of("rival names unknown lab", "detection:\n  rivals: [deepseek-openai]\n", LABS,
                        GOOD_FEEDS, "collide.yml", 2, "unknown lab 'openai'"),
                Arguments.of("bad database url", "database:\n  url: mysql://x\n", LABS, GOOD_FEEDS, "collide.yml", 2,
                        "must start with jdbc:h2: or jdbc:postgresql:"),
                Arguments.of("backups too often", "database:\n  backups:\n    every: 1m\n", LABS, GOOD_FEEDS,
                        "collide.yml", 3, "at least 10m"),
                Arguments.of("unknown backups key", "database:\n  backups:\n    kept: 3\n", LABS, GOOD_FEEDS,
                        "collide.yml", 3, "unknown key 'kept'"),
                Arguments.of("number not a number", "http:\n  maxRetries: lots\n", LABS, GOOD_FEEDS, "collide.yml",
                        2, "whole number"),
                Arguments.of("redirects above 5", "http:\n  maxRedirects: 9\n", LABS, GOOD_FEEDS, "collide.yml", 2,
                        "between 0 and 5"),
                Arguments.of("watch unknown lab", "notify:\n  watch: [xai]\n", LABS, GOOD_FEEDS, "collide.yml", 1,
                        "names lab 'xai'"),
                Arguments.of("duplicate lab id", "", LABS + "  - id: deepseek\n", GOOD_FEEDS, "labs.yml", 8,
                        "defined twice"),
                Arguments.of("bad model pattern", "", LABS + "  - id: x\n    models: ['K2(']\n", GOOD_FEEDS,
                        "labs.yml", 9, "not a valid regular expression"),
                Arguments.of("duplicate key in one block", "", LABS, GOOD_FEEDS + "    url: https://c.example/f\n",
                        "feeds.yml", 6, "appears twice"),
                Arguments.of("no labs", "", "labs: []\n", GOOD_FEEDS, "labs.yml", 1, "no labs defined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void load_invalidFile_namesFileLineAndFix(String name, String collide, String labs, String feeds, String file,
                                              int line, String words) {
        assertThatThrownBy(() -> load(collide, labs, feeds))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(line > 0 ? file + " line " + line + ":" : file)
                .hasMessageContaining(words);
    }

    @Test
    void load_missingFeedsFile_saysHowToFix() throws IOException {
        Files.writeString(dir.resolve("labs.yml"), LABS);

        assertThatThrownBy(() -> loader.load(dir, dir.resolve("nope.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yml: file not found; pass --feeds FILE");
    }
}
