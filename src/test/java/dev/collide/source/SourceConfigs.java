package dev.collide.source;

import dev.collide.config.ConfigException;
import dev.collide.config.SourceConfig;
import dev.collide.config.YamlMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For tests that build a {@link SourceConfig} by hand: its kind's parameters typed from its raw {@code params}, by the
 * kind's own schema (the one feeds.yml is read with), so a hand-built config is the one the loader would make.
 */
public final class SourceConfigs {
    private SourceConfigs() {
    }

    /** {@code raw} with the settings its built-in kind reads from {@code raw.params()}. */
    public static SourceConfig typed(SourceConfig raw) {
        return typed(raw, SourceTypes.BUILT_IN);
    }

    public static SourceConfig typed(SourceConfig raw, SourceTypes kinds) {
        SourceType<?> type = kinds.find(raw.kind()).orElseThrow(() -> new IllegalArgumentException("kind "
                + raw.kind() + " is not registered"));
        try {
            var settings = type.read(YamlMap.parse("test:" + raw.id(), yaml(raw.params()), name -> null),
                    "source '" + raw.id() + "' (kind " + raw.kind() + ")");
            return new SourceConfig(raw.id(), raw.kind(), raw.url(), raw.every(), raw.enabled(), raw.lab(),
                    raw.params(), settings, raw.line());
        } catch (ConfigException e) {
            throw new IllegalArgumentException("test source " + raw.id() + " is not valid: " + e.getMessage(), e);
        }
    }

    /** One "key: value" line per parameter, each value a double-quoted YAML scalar. */
    private static String yaml(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + ": \"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
