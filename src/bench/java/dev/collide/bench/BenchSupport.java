package dev.collide.bench;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** What the benchmarks share: a scratch PostgreSQL schema when one is configured, and removing their files. */
final class BenchSupport {
    /** A benchmark part run against one database. */
    interface OnDatabase {
        String run(DatabaseConfig database) throws Exception;
    }

    private BenchSupport() {
    }

    /**
     * Runs {@code body} on a fresh schema of the PostgreSQL that COLLIDE_TEST_PG_URL (and _USER, _PASSWORD) names,
     * dropped afterwards; without one, says it was skipped.
     */
    static String onScratchPostgres(OnDatabase body) throws Exception {
        String pg = System.getenv("COLLIDE_TEST_PG_URL");
        if (pg == null || pg.isBlank()) {
            return "PostgreSQL: skipped (set COLLIDE_TEST_PG_URL, COLLIDE_TEST_PG_USER, COLLIDE_TEST_PG_PASSWORD)\n";
        }
        String user = env("COLLIDE_TEST_PG_USER", "collide");
        String password = env("COLLIDE_TEST_PG_PASSWORD", "collide");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(pg, user, password, "CREATE SCHEMA " + schema);
        try {
            return body.run(new DatabaseConfig(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    Optional.of(user), Optional.of(new Secret("COLLIDE_TEST_PG_PASSWORD", password))));
        } finally {
            execute(pg, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
