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
     * Opens the pool and applies pending migrations (db/migration). Throws {@link StoreException} with a message
     * for the user when the database cannot be reached or migrated.
     */
    public static Database open(DatabaseConfig config) throws StoreException {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(p -> hikari.setPassword(p.reveal()));
        // PostgreSQL also serves the Quartz job store: its threads, cluster check-in and misfire handler
        hikari.setMaximumPoolSize(config.isPostgres() ? 16 : 8);
        hikari.setPoolName("collide");
        hikari.setInitializationFailTimeout(-1);
        if (config.isPostgres()) {
            // a dead server is reported in seconds, not after the driver's default of minutes
            hikari.addDataSourceProperty("connectTimeout", "10");
            hikari.setConnectionTimeout(15_000);
        }
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            if (config.isPostgres()) {
                // the clustered Quartz job store lives in the same database (issue #9)
                flyway.javaMigrations(new QuartzTablesMigration());
            }
            flyway.load().migrate();
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
