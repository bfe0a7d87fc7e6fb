package dev.collide.cli;

import dev.collide.config.CollideConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --window 3d}: overrides detection.window for one command. */
final class WindowOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--window", paramLabel = "DURATION", description = "Detection window (e.g. 3d); overrides"
            + " detection.window.")
    String window;

    CollideConfig applyTo(CollideConfig config) {
        return window == null ? config
                : config.withDetection(config.detection().withWindow(Commands.window(spec, window)));
    }
}
