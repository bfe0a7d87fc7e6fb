package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigTest {
    @TempDir
    Path dir;

    private static CollideConfig shipped(Map<String, String> env) throws Exception {
        return new ConfigLoader(env::get).withKinds(SourceTypes.BUILT_IN.all()).load(Path.of("config"), Path.of("feeds.yml"));
    }

    private static NotifyConfig notify(String yaml, Map<String, String> env) throws Exception {
        return NotifyConfig.read(YamlMap.parse("collide.yml", yaml, env::get));
    }

    @Test
    void load_shippedConfigWithoutEnvironment_everyChannelOff() throws Exception {
        NotifyConfig notify = shipped(Map.of()).notifications();

        assertThat(notify.slack()).isEmpty();
        assertThat(notify.webhook()).isEmpty();
        assertThat(notify.email()).isEmpty();
        assertThat(notify.outboxChannels()).isEmpty();
    }

    @Test
    void load_shippedConfigWithSecretsInEnvironment_turnsChannelsOn() throws Exception {
        NotifyConfig notify = shipped(Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x",
                "SMTP_HOST", "smtp.example.org", "SMTP_TO", "ana@example.org, ben@example.org",
                "SMTP_USER", "collide", "SMTP_PASSWORD", "pw", "COLLIDE_TIMEZONE", "Europe/Berlin")).notifications();

        assertThat(notify.outboxChannels()).containsExactly("slack");
        assertThat(notify.slack().orElseThrow().webhookUrl().reveal())
                .isEqualTo("https://hooks.slack.com/services/T/B/x");
        NotifyConfig.Email email = notify.email().orElseThrow();
        assertThat(email.host()).isEqualTo("smtp.example.org");
        assertThat(email.port()).isEqualTo(587);
        assertThat(email.startTls()).isTrue();
        assertThat(email.user()).contains("collide");
        assertThat(email.password().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(email.from()).isEqualTo("collide@localhost");
        assertThat(email.to()).containsExactly("ana@example.org", "ben@example.org");
        assertThat(email.at()).isEqualTo(LocalTime.of(8, 0));
        assertThat(email.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(email.sendQuietDays()).isFalse();
    }

    @Test
    void read_webhookUrlWithoutSecret_namesTheMissingVariable() {
        String yaml = """
                webhook:
                  url: ${HOOK}
                  secret: ${HOOK_SECRET}
                """;

        assertThatThrownBy(() -> notify(yaml, Map.of("HOOK", "https://bot.example/in")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("collide.yml line 3: notify.webhook.url is set but its signing secret is not; write"
                        + " 'secret: ${COLLIDE_WEBHOOK_SECRET}' and export that variable");
    }

    @Test
    void read_leaseGiven_usesIt() throws Exception {
        NotifyConfig notify = notify("timeout: 5s\nlease: 6s\n", Map.of());

        assertThat(notify.lease()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void read_noLease_defaultsToFiveMinutes() throws Exception {
        assertThat(notify("timeout: 5s\n", Map.of()).lease()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void read_leaseNotLongerThanTimeout_isRefused() {
        assertThatThrownBy(() -> notify("timeout: 20s\nlease: 20s\n", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("collide.yml line 2: notify.lease (PT20S) must be longer than notify.timeout (PT20S), or a"
                        + " slow send would lose its claim and be sent twice; e.g. write 'lease: 5m'");
    }

    @Test
    void read_badQuietDays_saysWhatIsAllowed() {
        String yaml = """
                email:
                  host: smtp.example.org
                  to: [a@example.org]
                  quietDays: sometimes
                """;

        assertThatThrownBy(() -> notify(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("collide.yml line 4: notify.email.quietDays must be skip or send, not 'sometimes'");
    }

    @Test
    void string_envReferenceWithDefault_usesDefaultWhenUnsetOrEmpty() throws Exception {
        String yaml = "a: ${UNSET:-587}\nb: ${EMPTY:-x}\nc: ${SET:-x}\nd: pre-${UNSET:-}-post\n";
        YamlMap map = YamlMap.parse("t.yml", yaml, Map.of("EMPTY", "", "SET", "value")::get);

        assertThat(map.string("a")).contains("587");
        assertThat(map.string("b")).contains("x");
        assertThat(map.string("c")).contains("value");
        assertThat(map.string("d")).contains("pre--post");
    }

    @Test
    void secret_withDefault_isRefused() throws Exception {
        YamlMap map = YamlMap.parse("t.yml", "password: ${PW:-hunter2}\n", Map.<String, String>of()::get);

        assertThatThrownBy(() -> map.secret("password", false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'password' is a secret and must not be written in a file");
    }

    @Test
    void toString_ofEmailConfig_neverShowsThePassword() {
        var email = new NotifyConfig.Email("smtp.example.org", 587, true, Optional.of("u"),
                Optional.of(new Secret("SMTP_PASSWORD", "hunter2")), "c@example.org", List.of("a@example.org"),
                LocalTime.NOON, ZoneId.of("UTC"), false);

        assertThat(email.toString()).doesNotContain("hunter2").contains("***(SMTP_PASSWORD)");
    }
}
