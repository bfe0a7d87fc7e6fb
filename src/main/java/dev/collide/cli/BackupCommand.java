package dev.collide.cli;

import dev.collide.config.CollideConfig;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide backup}: a gzipped SQL dump of the embedded H2 archive now, or the list of those kept. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the embedded H2 archive now to database.backups.dir (default: backups/ beside the"
                + " database file), keeping the newest database.backups.keep; the daemon does this every"
                + " database.backups.every. Restore with `collide restore FILE`.")
public final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the backups kept, oldest first; write none.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfigWithoutSources();
        if (!config.database().isEmbeddedH2File()) {
            throw new ParameterException(spec.commandLine(), "collide backup writes embedded H2 files; this"
                    + " database is " + (config.database().isPostgres() ? "PostgreSQL: use pg_dump" : "not one"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            List<Path> kept = Backups.list(config.database().backupDir());
            for (Path backup : kept) {
                out.println(backup + "  " + size(backup));
            }
            out.println(kept.size() + " backups in " + config.database().backupDir());
            return 0;
        }
        try (Database db = Database.open(config.database())) {
            Path written = new Backups(db.dataSource(), config.database().backupDir(), config.database().backups(),
                    Clock.systemUTC()).write();
            out.println("backup written: " + written + " (" + size(written) + ")");
        }
        return 0;
    }

    static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 10_240 ? bytes + " B" : bytes < 10L << 20 ? (bytes >> 10) + " KiB" : (bytes >> 20) + " MiB";
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
