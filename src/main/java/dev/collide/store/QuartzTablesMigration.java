package dev.collide.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V5, PostgreSQL only: the tables of Quartz's clustered JDBC job store (issue #9), run from the script Quartz ships
 * in its own jar, so the schema always matches the Quartz version on the classpath. The script's trailing COMMIT is
 * left out: Flyway owns the transaction.
 */
final class QuartzTablesMigration implements JavaMigration {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "quartz tables";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(script().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : statements(script())) {
                st.execute(sql);
            }
        }
    }

    /** The script's statements without comments and without COMMIT; the script has no ';' inside a statement. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        return Arrays.stream(code.toString().split(";")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("COMMIT")).toList();
    }

    private static String script() {
        try (InputStream in = QuartzTablesMigration.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath; is the quartz jar there?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + SCRIPT + ": " + e.getMessage(), e);
        }
    }
}
