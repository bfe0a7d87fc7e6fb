package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.schedule.CollideScheduler;
import dev.collide.web.ArchiveServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--window", paramLabel = "DURATION", description = "Detection window (e.g. 3d); overrides"
            + " detection.window.")
    String window;

    @Option(names = "--threads", defaultValue = "4", description = "Worker threads (default 4).")
    int threads;

    @Option(names = "--no-serve", description = "Do not start the archive server (see server.enabled).")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfig();
        if (window != null) {
            config = config.withDetection(config.detection().withWindow(Commands.window(spec, window)));
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Collide collide = Collide.open(config, Clock.systemUTC());
             CollideScheduler scheduler = new CollideScheduler(collide.pipeline(), config.sources(),
                     CollideScheduler.inMemoryProperties(Math.max(2, threads)));
             // the archive server runs beside the scheduler unless disabled; null is skipped by try-with-resources
             ArchiveServer server = config.server().enabled() && !noServe
                     ? ServeCommand.start(collide, config.server().bind(), config.server().port(), out) : null) {
            Thread hook = new Thread(() -> {
                if (server != null) {
                    server.close(); // stop answering before the database goes away
                }
                try {
                    scheduler.close();
                } catch (Exception e) {
                    // shutting down anyway
                }
                stopped.countDown();
            }, "collide-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            scheduler.start();
            out.println("collide: running with " + collide.enabledSources().size() + " sources; Ctrl-C stops");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
