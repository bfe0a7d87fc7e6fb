package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue #14 item 10: Flyway is skipped only when the schema already has every migration on the classpath. */
class SchemaVersionTest {
    private static DatabaseConfig memory() {
        return new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
    }

    @Test
    void newestOnClasspath_isTheHighestMigrationFile() throws Exception {
        int onDisk;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.list(Path.of("src/main/resources/db/vendor/h2")))) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }

        assertThat(SchemaVersion.newestOnClasspath("db/vendor/h2")).hasValue(onDisk);
    }

    @Test
    void isCurrent_migratedDatabase_true() throws Exception {
        try (Database db = Database.open(memory())) {
            assertThat(SchemaVersion.isCurrent(db.dataSource(), false)).isTrue();
        }
    }

    @Test
    void isCurrent_newestMigrationMissing_false() throws Exception {
        try (Database db = Database.open(memory()); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + SchemaVersion.newestOnClasspath("db/vendor/h2").getAsInt() + "'");

            assertThat(SchemaVersion.isCurrent(db.dataSource(), false)).isFalse();
        }
    }

    @Test
    void isCurrent_freshDatabase_false() throws Exception {
        var config = memory();
        try (Connection keep = Database.connectWithoutPool(config)) {
            var ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(config.url());
            assertThat(SchemaVersion.isCurrent(ds, false)).isFalse();
        }
    }
}
