package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.DetectionReport;
import dev.collide.Pipeline;
import dev.collide.config.CollideConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide detect}: run detection over the stored evidence now. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run detection now: incrementally over new evidence, or --full over everything (after a change"
                + " of detection.window, minConfidence or rivals).")
public final class DetectCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--full", description = "Rebuild every event and collision from all stored evidence.")
    boolean full;

    @Option(names = "--reextract", description = "With --full: first read every stored article again with this"
            + " version's extractor and replace its mentions (after an upgrade), so that events and collisions are"
            + " what this version finds; those that no longer hold are retracted.")
    boolean reextract;

    @Mixin
    WindowOption window;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfigWithoutSources();
        config = window.applyTo(config);
        if (reextract && !full) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reextract needs --full: re-read evidence is detected in full"
                            + " (collide detect --full --reextract)");
        }
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            DetectionReport report;
            if (reextract) {
                Pipeline.Reread r = collide.pipeline().rereadAndDetectAll();
                spec.commandLine().getOut().println(r.reread().line());
                report = r.detection();
            } else {
                report = full ? collide.pipeline().detectAll() : collide.pipeline().detect();
            }
            spec.commandLine().getOut().println(report.line());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
