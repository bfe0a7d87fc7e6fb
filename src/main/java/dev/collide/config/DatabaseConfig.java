package dev.collide.config;

import java.util.Optional;

/** Where the archive lives. User and password, when needed, come from environment variables. */
public record DatabaseConfig(String url, Optional<String> user, Optional<Secret> password) {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE";

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, user, password);
    }
}
