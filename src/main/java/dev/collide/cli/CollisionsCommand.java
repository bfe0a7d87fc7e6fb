package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.detect.Collision;
import dev.collide.detect.Tier;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.CollisionCsv;
import dev.collide.store.CollisionView;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide collisions}: the detected collisions in the archive. */
@Command(name = "collisions", mixinStandardHelpOptions = true,
        description = "List detected release collisions (newest first).")
public final class CollisionsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--tier", description = "Only SAME_DAY, WITHIN_72H or WITHIN_WINDOW.")
    String tier;

    @Option(names = "--window", paramLabel = "DURATION",
            description = "Re-detect over the stored evidence with this window (e.g. 3d) instead of the stored result.")
    String window;

    @Option(names = "--retracted", description = "Include retracted collisions.")
    boolean retracted;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfigForQuery();
        ArchiveQuery query = Commands.query(spec, archive, config.labs());
        Optional<Tier> tierFilter = Commands.tier(spec, tier);
        PrintWriter out = spec.commandLine().getOut();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            List<CollisionView> collisions;
            if (window != null) {
                Duration w = Commands.window(spec, window);
                List<Collision> found = collide.onDemandDetection().collisions(w);
                collisions = found.stream().filter(c -> Commands.matches(query, tierFilter, c))
                        .sorted(Comparator.comparing((Collision c) -> c.a().date().map(d -> d.date().toEpochDay())
                                .orElse(0L)).reversed())
                        .limit(query.limit()).map(CollisionView::of).toList();
            } else {
                collisions = collide.archive().collisions(query, tierFilter, retracted).stream()
                        .map(CollisionView::of).toList();
            }
            if (archive.format == OutputFormat.CSV) {
                // the columns of /api/collisions.csv, from the same writer
                out.print(CollisionCsv.render(collisions));
                out.flush();
                return 0;
            }
            Tabular table = new Tabular(Rows.COLLISION_COLUMNS);
            collisions.forEach(c -> Rows.addCollision(table, c));
            table.print(out, archive.format);
        }
        return 0;
    }

}
