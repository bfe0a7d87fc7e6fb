package dev.collide.config;

import java.util.Locale;
import java.util.Optional;

/** Where the archive lives. User and password, when needed, come from environment variables. */
public record DatabaseConfig(String url, Optional<String> user, Optional<Secret> password) {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE";

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * For a process that closes the database itself on Ctrl-C (run, serve): an embedded H2 file then skips H2's own
     * shutdown hook, which would close the file while a scheduled job still writes to it. Other URLs are unchanged,
     * and so is AUTO_SERVER=TRUE, which H2 refuses to combine with DB_CLOSE_ON_EXIT=FALSE.
     */
    public DatabaseConfig closedByOwner() {
        String upper = url.toUpperCase(Locale.ROOT);
        boolean embeddedH2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        if (!embeddedH2File || upper.contains("DB_CLOSE_ON_EXIT=") || upper.contains("AUTO_SERVER=TRUE")) {
            return this;
        }
        return withUrl(url + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, user, password);
    }
}
