package dev.collide.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.collide.config.DatabaseConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The archive database: a connection pool, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * Opens the pool and applies pending migrations (db/migration and db/vendor/h2 or db/vendor/postgresql). Throws {@link StoreException} with a message
     * for the user when the database cannot be reached or migrated.
     */
    public static Database open(DatabaseConfig config) throws StoreException {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(p -> hikari.setPassword(p.reveal()));
        hikari.setMaximumPoolSize(8);
        hikari.setPoolName("collide");
        hikari.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            // db/migration is shared SQL; db/vendor/<name> holds what H2 and PostgreSQL spell differently (full-text).
            // It lies outside db/migration because Flyway scans locations recursively.
            String vendor = config.isPostgres() ? "classpath:db/vendor/postgresql" : "classpath:db/vendor/h2";
            Flyway.configure().dataSource(ds).locations("classpath:db/migration", vendor).load().migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new StoreException("database " + redact(config.url()) + " could not be opened or migrated: "
                    + firstLine(e.getMessage()) + "; check database.url and that no other Collide process holds an"
                    + " embedded H2 file", e);
        }
        return new Database(ds, config.isPostgres());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** JDBC URLs may carry a password parameter; keep only what locates the database. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }
}
