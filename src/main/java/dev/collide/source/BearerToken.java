package dev.collide.source;

import dev.collide.config.SourceConfig;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code token: ${ENV}} of an API source as an {@code Authorization: Bearer} header. The config keeps only the
 * variable's name ({@code tokenEnv}); the value is read at each poll and never logged.
 */
final class BearerToken {
    private static final Logger LOG = LoggerFactory.getLogger(BearerToken.class);

    private BearerToken() {
    }

    /** The header, or none when the source has no token or its variable is unset (then the API is used anonymously). */
    static Map<String, String> header(SourceConfig config, Function<String, String> env) {
        Optional<String> envName = config.param("tokenEnv");
        if (envName.isEmpty()) {
            return Map.of();
        }
        String token = env.apply(envName.get());
        if (token == null || token.isBlank()) {
            LOG.warn("source={} token variable {} is not set; listing anonymously", config.id(), envName.get());
            return Map.of();
        }
        return Map.of("Authorization", "Bearer " + token.strip());
    }
}
