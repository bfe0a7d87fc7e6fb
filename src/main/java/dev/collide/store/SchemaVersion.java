package dev.collide.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration the classpath carries, read without starting Flyway (issue #14:
 * its scan and validation cost a one-query command most of its start-up). Any doubt (no history table, a failed or
 * non-numeric migration, migrations that cannot be listed) answers false, and Flyway runs as before.
 */
final class SchemaVersion {
    private static final Pattern VERSIONED = Pattern.compile("(?:^|/)V(\\d+)__[^/]*\\.sql$");
    /** QuartzTablesMigration, the one Java migration (PostgreSQL only). */
    private static final int JAVA_MIGRATION = 5;

    private SchemaVersion() {
    }

    static boolean isCurrent(DataSource ds, boolean postgres) {
        OptionalInt newest = newestOnClasspath(postgres ? "db/vendor/postgresql" : "db/vendor/h2");
        if (newest.isEmpty()) {
            return false;
        }
        int wanted = Math.max(newest.getAsInt(), postgres ? JAVA_MIGRATION : 0);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT MAX(CAST("version" AS INT)), SUM(CASE WHEN "success" THEN 0 ELSE 1 END)
                     FROM "flyway_schema_history" WHERE "version" IS NOT NULL""")) {
            return rs.next() && rs.getInt(1) == wanted && rs.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // a new database, or a history this shortcut does not understand: let Flyway decide
        }
    }

    /** The highest V&lt;n&gt;__ among db/migration and the vendor directory, in a jar or a classes directory. */
    static OptionalInt newestOnClasspath(String vendorDir) {
        int max = -1;
        for (String dir : new String[] {"db/migration", vendorDir}) {
            URL url = SchemaVersion.class.getClassLoader().getResource(dir);
            if (url == null) {
                return OptionalInt.empty();
            }
            try {
                if (url.getProtocol().equals("jar")) {
                    var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    max = Math.max(max, jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(dir + "/")).mapToInt(SchemaVersion::version).max().orElse(-1));
                } else if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        max = Math.max(max, files.map(f -> f.getFileName().toString())
                                .mapToInt(SchemaVersion::version).max().orElse(-1));
                    }
                } else {
                    return OptionalInt.empty();
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return OptionalInt.empty();
            }
        }
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    private static int version(String name) {
        Matcher m = VERSIONED.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
