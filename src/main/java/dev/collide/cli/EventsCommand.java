package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.detect.Dating;
import dev.collide.detect.EventBuilder;
import dev.collide.store.StoredEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--explain", paramLabel = "ID",
            description = "Say why event ID has its date: the evidence that set it, the rule, all evidence by strength.")
    String explain;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfigForQuery();
        if (explain != null) {
            try (Collide collide = Collide.open(config, Clock.systemUTC())) {
                return explain(collide, explain, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }
        var query = Commands.query(spec, archive, config.labs());
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Tabular table = new Tabular(Rows.EVENT_COLUMNS);
            for (StoredEvent e : collide.archive().events(query)) {
                Rows.addEvent(table, e);
            }
            table.print(spec.commandLine().getOut(), archive.format);
        }
        return 0;
    }

    private static int explain(Collide collide, String id, PrintWriter out, PrintWriter err) throws Exception {
        Optional<StoredEvent> event = collide.archive().event(id);
        if (event.isEmpty()) {
            err.println("no release event with id '" + id + "' (see collide events)");
            return 2;
        }
        StoredEvent e = event.get();
        Optional<Dating> dating = new EventBuilder().explain(id,
                collide.archive().loadReleaseEvidenceAround(e.lab(), e.family()));
        out.println(e.lab() + " " + e.model() + " (" + e.id() + ")");
        if (dating.isEmpty()) {
            out.println("the stored evidence no longer builds this event: run collide detect --full");
            return 1;
        }
        out.println(dating.get().summary());
        out.println("evidence, strongest first:");
        dating.get().evidence().forEach(line -> out.println("  " + line));
        return 0;
    }
}
