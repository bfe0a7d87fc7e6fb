package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The archive on a real PostgreSQL server (issue #9): same migrations, same behaviour as on H2. */
class PostgresStoresTest extends StoreContractTest {
    private PostgresTestDatabase pg;

    @Override
    DatabaseConfig newDatabase() {
        // aborts the test (reported as skipped) when no server answers
        pg = PostgresTestDatabase.create();
        return pg.config();
    }

    @Override
    void dropDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void open_emptySchema_appliesArchiveAndQuartzMigrations() throws Exception {
        List<String> versions = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'qrtz%' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }

        assertThat(db.isPostgres()).isTrue();
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        assertThat(tables).containsExactly("qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
                "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_paused_trigger_grps",
                "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers");
    }

    @Test
    void open_twice_migratesOnce() throws Exception {
        try (Database again = Database.open(pg.config())) {
            assertThat(new JdbcArticleStore(again.dataSource()).count()).isZero();
        }
    }
}
