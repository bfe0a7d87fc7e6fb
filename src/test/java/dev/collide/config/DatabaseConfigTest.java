package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    private static DatabaseConfig url(String url) {
        return new DatabaseConfig(url, Optional.empty(), Optional.empty());
    }

    @Test
    void closedByOwner_embeddedH2File_skipsH2sOwnShutdownHook() {
        assertThat(url("jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE").closedByOwner().url())
                .isEqualTo("jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(url("jdbc:h2:./data/collide").closedByOwner().url())
                .isEqualTo("jdbc:h2:./data/collide;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void closedByOwner_leavesOtherDatabasesAndAnExplicitChoiceAlone() {
        for (String other : new String[] {"jdbc:h2:mem:x", "jdbc:h2:tcp://db:9092/collide",
                "jdbc:postgresql://db/collide", "jdbc:h2:file:./d;db_close_on_exit=TRUE",
                "jdbc:h2:file:./d;AUTO_SERVER=TRUE"}) {
            assertThat(url(other).closedByOwner().url()).as(other).isEqualTo(other);
        }
    }

    @Test
    void forQueryAndForFetch_embeddedH2File_closedWithoutH2sOwnPass_othersUnchanged() {
        for (UnaryOperator<DatabaseConfig> use : List.<UnaryOperator<DatabaseConfig>>of(DatabaseConfig::forQuery,
                DatabaseConfig::forFetch)) {
            assertThat(use.apply(url("jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE")).url())
                    .isEqualTo("jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE;MAX_COMPACT_TIME=0");
            for (String other : new String[] {"jdbc:h2:mem:x", "jdbc:h2:tcp://db:9092/collide",
                    "jdbc:postgresql://db/collide", "jdbc:h2:file:./d;max_compact_time=500"}) {
                assertThat(use.apply(url(other)).url()).as(other).isEqualTo(other);
            }
        }
    }

    @Test
    void backupDir_defaultsToBesideTheH2File_unlessConfigured() {
        assertThat(url("jdbc:h2:file:./data/collide;AUTO_SERVER=FALSE").backupDir())
                .isEqualTo(Path.of("./data/backups"));
        assertThat(url("jdbc:h2:/srv/collide/archive").backupDir()).isEqualTo(Path.of("/srv/collide/backups"));
        assertThat(url("jdbc:h2:~/collide").backupDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), "backups"));
        var configured = new DatabaseConfig("jdbc:h2:file:./data/collide", Optional.empty(), Optional.empty(),
                BackupConfig.DEFAULT.withDir(Path.of("/var/backups/collide")));
        assertThat(configured.withUrl("jdbc:h2:file:/elsewhere/db").backupDir())
                .isEqualTo(Path.of("/var/backups/collide"));
    }
}
