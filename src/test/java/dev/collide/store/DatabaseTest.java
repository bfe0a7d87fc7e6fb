package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.config.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Random;
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
    void open_h2File_storesPagesCompressed() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        try (Database db = Database.open(new DatabaseConfig(url, Optional.empty(), Optional.empty()))) {
            assertThat(setting(db, "COMPRESS")).isEqualTo("TRUE");
        }
    }

    @Test
    void open_h2FileUrlSettingCompress_keepsTheUrlsChoice() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath() + ";compress=false";
        try (Database db = Database.open(new DatabaseConfig(url, Optional.empty(), Optional.empty()))) {
            assertThat(setting(db, "COMPRESS")).isEqualTo("false");
        }
    }

    @Test
    void compressed_memoryServerAndPostgresUrls_areUnchanged() {
        for (String url : new String[] {"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
                "jdbc:h2:tcp://127.0.0.1:9092/./data/collide", "jdbc:postgresql://db/collide"}) {
            assertThat(Database.compressed(new DatabaseConfig(url, Optional.empty(), Optional.empty())).url())
                    .isEqualTo(url);
        }
    }

    private static String setting(Database db, String name) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             var ps = c.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("setting %s listed", name).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void open_damagedH2File_saysSoAndWhatToDo_andLeavesTheFileAlone() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath();
        var config = new DatabaseConfig(url, Optional.empty(), Optional.empty());
        Database.open(config).close();
        Path file = dir.resolve("collide.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(8).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.open(config)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged and cannot be opened")
                .hasMessageContaining("Move the damaged file aside").hasMessageContaining("collide restore")
                .hasMessageContaining("org.h2.tools.Recover").hasMessageNotContaining("timed out");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void cannotOpen_refusedLogin_namesTheCredentials() {
        String message = Database.cannotOpen("jdbc:postgresql://db/collide?password=hunter2",
                new SQLException("FATAL: password authentication failed for user \"collide\"", "28P01"));
        assertThat(message).contains("refused the user or password", "database.password")
                .doesNotContain("hunter2");
    }

    @Test
    void isH2File_memoryAndPostgres_areNot() {
        assertThat(isH2File("jdbc:h2:file:./data/collide")).isTrue();
        assertThat(isH2File("jdbc:h2:./data/collide;AUTO_SERVER=TRUE")).isTrue();
        assertThat(isH2File("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(isH2File("jdbc:postgresql://db.example.com:5432/collide")).isFalse();
    }

    private static boolean isH2File(String url) {
        return new DatabaseConfig(url, Optional.empty(), Optional.empty()).isH2File();
    }
}
