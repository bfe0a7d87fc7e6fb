package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.store.Rivalry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide rivals}: per pair of labs, how many times they collided and when. */
@Command(name = "rivals", mixinStandardHelpOptions = true,
        description = "Rivalry history: per pair of labs, how often they collided and when.")
public final class RivalsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--lab", paramLabel = "ID", description = "Only pairs with this lab.")
    String lab;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = ArchiveOptions.FormatConverter.class)
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfigForQuery();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Tabular table = new Tabular(List.of("lab A", "lab B", "collisions", "rivals", "last", "dates"));
            for (Rivalry r : collide.archive().rivalries(Optional.ofNullable(lab))) {
                boolean rivals = config.detection().isRivalry(r.labA(), r.labB());
                String last = r.dates().isEmpty() ? "" : r.dates().get(r.dates().size() - 1).toString();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("labA", r.labA());
                json.put("labB", r.labB());
                json.put("collisions", r.count());
                json.put("rivals", rivals);
                json.put("dates", r.dates().stream().map(LocalDate::toString).toList());
                table.add(List.of(r.labA(), r.labB(), Integer.toString(r.count()), rivals ? "yes" : "",
                        last, String.join(" ", r.dates().stream().map(LocalDate::toString).toList())), json);
            }
            table.print(spec.commandLine().getOut(), format);
        }
        return 0;
    }
}
