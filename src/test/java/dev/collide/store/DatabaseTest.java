package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void open_h2File_writesEveryCommitAtOnce() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        try (Database db = Database.open(new DatabaseConfig(url, Optional.empty(), Optional.empty()));
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void isH2File_memoryAndPostgres_areNot() {
        assertThat(Database.isH2File("jdbc:h2:file:./data/collide")).isTrue();
        assertThat(Database.isH2File("jdbc:h2:./data/collide;AUTO_SERVER=TRUE")).isTrue();
        assertThat(Database.isH2File("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(Database.isH2File("jdbc:postgresql://db.example.com:5432/collide")).isFalse();
    }
}
