package dev.collide.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variable references in config values: {@code ${NAME}} or, as in POSIX sh, {@code ${NAME:-default}}
 * (the default when NAME is unset or empty). A secret must be a bare reference, so it is never written in a file.
 * Complaints name the key's line through {@link YamlMap#error}.
 */
final class EnvReferences {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> env;

    EnvReferences(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** {@code raw}, the value of {@code key} in {@code map}, with each reference replaced by its variable's value. */
    String expand(YamlMap map, String key, String raw) throws ConfigException {
        Matcher m = ENV_REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (m.group(2) != null && (value == null || value.isEmpty())) {
                value = m.group(2);
            }
            if (value == null) {
                throw map.error(key, "environment variable " + m.group(1) + " (used in '" + key + "') is not set;"
                        + " export it or change '" + key + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The secret {@code raw} refers to; empty when its variable is unset or blank and it is not {@code required}. */
    Optional<Secret> secret(YamlMap map, String key, String raw, boolean required) throws ConfigException {
        Matcher m = ENV_REF.matcher(raw.trim());
        if (!m.matches() || m.group(2) != null) {
            throw map.error(key, "'" + key + "' is a secret and must not be written in a file; put it in an"
                    + " environment variable and write '" + key + ": ${SOME_ENV_VAR}'");
        }
        String value = env.apply(m.group(1));
        if (value == null || value.isBlank()) {
            if (required) {
                throw map.error(key, "environment variable " + m.group(1) + " (for '" + key + "') is not set;"
                        + " export it or remove '" + key + "'");
            }
            return Optional.empty();
        }
        return Optional.of(new Secret(m.group(1), value));
    }
}
