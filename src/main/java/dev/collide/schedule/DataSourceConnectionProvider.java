package dev.collide.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends the archive's pool to Quartz's JDBC job store; the pool belongs to the archive, so shutdown leaves it. */
final class DataSourceConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the Database closes the pool
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool is open
    }
}
