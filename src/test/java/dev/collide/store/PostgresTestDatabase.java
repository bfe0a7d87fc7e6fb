package dev.collide.store;

import dev.collide.RequiredService;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh schema in a real PostgreSQL server for one test: the server is named by COLLIDE_TEST_PG_URL,
 * COLLIDE_TEST_PG_USER and COLLIDE_TEST_PG_PASSWORD (default: 127.0.0.1:5432/collide_test as collide/collide).
 * When no server answers, the calling test is aborted (reported as skipped) with a message saying what to set, or
 * fails when CI=true.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/collide_test";

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String user, String password, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** Creates an empty schema of its own, or aborts the test (fails it under CI) when PostgreSQL is not reachable. */
    public static PostgresTestDatabase create() {
        String url = env("COLLIDE_TEST_PG_URL", DEFAULT_URL);
        String user = env("COLLIDE_TEST_PG_USER", "collide");
        String password = env("COLLIDE_TEST_PG_PASSWORD", "collide");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            RequiredService.missing("PostgreSQL not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "); set COLLIDE_TEST_PG_URL, COLLIDE_TEST_PG_USER and COLLIDE_TEST_PG_PASSWORD, or run .ci/run");
        }
        return new PostgresTestDatabase(url, user, password, schema);
    }

    /** The URL of this test's schema, as a user would write it in database.url. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public DatabaseConfig config() {
        return new DatabaseConfig(url(), Optional.of(user),
                Optional.of(new Secret("COLLIDE_TEST_PG_PASSWORD", password)));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(baseUrl, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "2");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
