package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.Daemon;
import dev.collide.config.CollideConfig;
import dev.collide.config.YamlMap;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide run}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon: poll each source at its interval, detect after new articles, and serve the"
                + " archive (unless --no-serve or server.enabled: false). Ctrl-C stops.")
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WindowOption window;

    @Option(names = "--threads", defaultValue = "4", description = "Worker threads (default 4).")
    int threads;

    @Option(names = "--no-serve", description = "Do not start the archive server (see server.enabled).")
    boolean noServe;

    @Option(names = "--cluster-checkin", paramLabel = "DURATION", defaultValue = "5s", description = "PostgreSQL"
            + " cluster only: how often this node checks in; a node silent for longer is presumed dead and its work"
            + " moves to the others (default 5s).")
    String clusterCheckin;

    @Option(names = "--node-id", paramLabel = "ID", defaultValue = "AUTO", description = "PostgreSQL cluster only:"
            + " this node's unique name (default AUTO: host name and start time).")
    String nodeId;

    @Override
    public Integer call() throws Exception {
        CollideConfig loaded = window.applyTo(main.loadConfig());
        CollideConfig config = loaded.withDatabase(loaded.database().closedByOwner()); // StopSignal closes it, in order
        PrintWriter out = spec.commandLine().getOut();
        // the archive server runs beside the scheduler unless disabled
        var options = new Daemon.Options(threads, config.server().enabled() && !noServe, checkin(), nodeId);
        StopSignal stop = null;
        try (Collide collide = Collide.open(config, Clock.systemUTC());
             Daemon daemon = collide.daemon(options)) {
            daemon.server().ifPresent(server -> ServeCommand.announce(server, config.server().bind(), out));
            stop = StopSignal.register("collide-shutdown", daemon::stop);
            // a full pass when the window or rules changed since the stored result; later runs are incremental
            out.println(collide.pipeline().detectOnStart().line());
            daemon.start();
            out.println("collide: running with " + collide.enabledSources().size() + " sources"
                    + (collide.database().isPostgres() ? " as a node of a PostgreSQL cluster (check-in every "
                    + clusterCheckin + ")" : "") + "; Ctrl-C stops");
            out.println("collide: alerts on " + (collide.outboxChannels().isEmpty() ? "no channel"
                    : String.join(", ", collide.outboxChannels())) + "; daily digest "
                    + config.notifications().email().map(m -> "at " + m.at() + " " + m.timezone()).orElse("off"));
            out.flush();
            stop.awaitRequest();
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
        return 0;
    }

    private Duration checkin() {
        try {
            Duration d = YamlMap.parseDuration(clusterCheckin);
            if (d.toMillis() < 500 || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cluster-checkin '"
                    + clusterCheckin + "' is not a duration between 500ms and 5m; write e.g. 5s");
        }
    }
}
