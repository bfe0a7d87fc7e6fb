package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.store.StoredEvent;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide events}: release events in the archive. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "List release events (newest first).")
public final class EventsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfigWithoutSources();
        var query = Commands.query(spec, archive, config.labs());
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Tabular table = new Tabular(Rows.EVENT_COLUMNS);
            for (StoredEvent e : collide.events().events(query)) {
                Rows.addEvent(table, e);
            }
            table.print(spec.commandLine().getOut(), archive.format);
        }
        return 0;
    }
}
