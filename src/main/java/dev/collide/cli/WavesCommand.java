package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.detect.Wave;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide waves}: windows in which three or more labs released. */
@Command(name = "waves", mixinStandardHelpOptions = true,
        description = "Release waves: windows in which three or more labs released.")
public final class WavesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WindowOption window;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = ArchiveOptions.FormatConverter.class)
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfigForQuery();
        config = window.applyTo(config);
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Tabular table = new Tabular(List.of("start", "end", "labs", "releases"));
            for (Wave w : collide.onDemandDetection().waves()) {
                List<String> releases = w.events().stream()
                        .map(e -> e.model() + " (" + e.lab() + ", " + e.date().orElseThrow().date() + ")").toList();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("start", w.start().toString());
                json.put("end", w.end().toString());
                json.put("labs", List.copyOf(w.labs()));
                json.put("releases", w.events().stream().map(e -> Map.of("lab", e.lab(), "model", e.model(),
                        "date", e.date().orElseThrow().date().toString(), "eventId", e.id())).toList());
                table.add(List.of(w.start().toString(), w.end().toString(), String.join(", ", w.labs()),
                        String.join("; ", releases)), json);
            }
            table.print(spec.commandLine().getOut(), format);
        }
        return 0;
    }
}
