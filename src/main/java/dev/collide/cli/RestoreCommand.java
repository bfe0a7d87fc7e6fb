package dev.collide.cli;

import dev.collide.config.CollideConfig;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide restore FILE}: a backup into a new, empty H2 database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup (collide-*.sql.gz) into database.url or --db, which must be a new H2 file:"
                + " move a damaged one aside first. Never overwrites an archive.")
public final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup, e.g. data/backups/collide-20261124T030000Z.sql.gz.")
    Path file;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfigWithoutSources();
        Backups.restore(file, config.database());
        spec.commandLine().getOut().println("restored " + file + " into "
                + Database.redact(config.database().url()));
        return 0;
    }
}
