package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of feeds.yml. {@code lab} is set when the source speaks for one lab (its own blog, hub org);
 * {@code params} holds the keys that only some kinds use (org, repo, query, selectors, ...), as written.
 */
public record SourceConfig(String id, SourceKind kind, URI url, Duration every, boolean enabled,
                           Optional<String> lab, Map<String, String> params, int line) {
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9-]+");

    public SourceConfig {
        requireNonNull(kind, "kind");
        requireNonNull(url, "url");
        requireNonNull(every, "every");
        requireNonNull(lab, "lab");
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must match [a-z0-9-]+: " + id);
        }
        params = Map.copyOf(params);
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(params.getOrDefault(key, "false"));
    }
}
