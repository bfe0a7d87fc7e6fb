package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of feeds.yml. {@code lab} is set when the source speaks for one lab (its own blog, hub org);
 * {@code params} holds every key beyond id, kind, url, every, enabled and lab as written (for messages, logs and the
 * common keys: fullText, allowPrivate, minEvery, maxEvery, proxy, tokenEnv); {@code settings} holds the kind's own
 * keys typed and checked at load by its {@link SourceSchema} (issue 15), which is what a source polls with.
 */
public record SourceConfig(String id, SourceKind kind, URI url, Duration every, boolean enabled,
                           Optional<String> lab, Map<String, String> params, SourceParams settings, int line) {
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9-]+");

    public SourceConfig {
        requireNonNull(kind, "kind");
        requireNonNull(url, "url");
        requireNonNull(every, "every");
        requireNonNull(lab, "lab");
        requireNonNull(settings, "settings");
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must match [a-z0-9-]+: " + id);
        }
        params = Map.copyOf(params);
    }

    /** A source whose kind has no parameters of its own (a feed), as code outside feeds.yml builds one. */
    public SourceConfig(String id, SourceKind kind, URI url, Duration every, boolean enabled, Optional<String> lab,
                        Map<String, String> params, int line) {
        this(id, kind, url, every, enabled, lab, params, SourceParams.NONE, line);
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(params.getOrDefault(key, "false"));
    }

    /**
     * The kind's typed parameters. Throws IllegalStateException when they are of another type: a programming error
     * (a config built by hand without its kind's schema, or handed to another kind's source).
     */
    public <P extends SourceParams> P settings(Class<P> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalStateException("source " + id + " (kind " + kind.yamlName() + ") carries "
                    + settings.getClass().getSimpleName() + ", not " + type.getSimpleName()
                    + "; build its config through the kind's schema");
        }
        return type.cast(settings);
    }
}
