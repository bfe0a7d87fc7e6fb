package dev.collide.source;

import dev.collide.config.HttpConfig;
import dev.collide.config.Lab;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared constants of the source-kind tests: one clock, one HTTP config, the labs they attribute to. */
final class SourceTestSupport {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-05T12:00:00Z"), ZoneOffset.UTC);
    static final HttpConfig HTTP = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1024 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);
    static final LabDirectory LABS = new LabDirectory(List.of(
            new Lab("deepseek", "DeepSeek", List.of("DeepSeek-AI", "DeepSeek AI"), List.of("DeepSeek"), List.of(),
                    List.of("deepseek-ai")),
            new Lab("qwen", "Qwen (Alibaba)", List.of("Alibaba"), List.of("Qwen"), List.of(), List.of("Qwen",
                    "QwenLM"))));

    private SourceTestSupport() {
    }

    static SourceConfig config(String id, SourceKind kind, String url, Map<String, String> params) {
        return SourceConfigs.typed(new SourceConfig(id, kind, URI.create(url), Duration.ofMinutes(30), true,
                Optional.empty(), params, 1));
    }

    static String text(String fixture) {
        return new String(FeedParserTest.fixture(fixture), StandardCharsets.UTF_8);
    }
}
