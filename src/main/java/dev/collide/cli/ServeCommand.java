package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.store.ArchiveShare;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.web.Archive;
import dev.collide.web.ArchiveServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide serve}: the read-only archive over HTTP (page, JSON API, Atom, iCalendar, CSV, metrics). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the archive over HTTP, read-only, on loopback unless --bind says otherwise. Ctrl-C stops.")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: server.port, 8080; 0 = any).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: server.bind, 127.0.0.1).")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is not a TCP port; use 0 to 65535");
        }
        CollideConfig config = main.loadConfigWithoutSources();
        config = config.withDatabase(config.database().closedByOwner()); // StopSignal closes it, in order
        String address = bind != null ? bind : config.server().bind();
        int tcpPort = port != null ? port : config.server().port();
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stop = null;
        try (Collide collide = Collide.open(config, Clock.systemUTC());
             // CLI commands beside the daemon read and write through it (issue #14); closed before the database
             ArchiveShare share = ArchiveShare.start(config.database());
             ArchiveServer server = start(collide, address, tcpPort, out)) {
            stop = StopSignal.register("collide-serve-shutdown", server::close); // stop answering first
            stop.awaitRequest();
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
        return 0;
    }

    /** Starts the archive server over {@code collide}'s stores and says where it listens; used by run too. */
    static ArchiveServer start(Collide collide, String bind, int port, PrintWriter out) {
        var archive = new Archive(collide.archive(), collide.articles(), collide.sourceStates(),
                new JdbcArchiveStats(collide.database().dataSource()), collide.config().labs());
        try {
            ArchiveServer server = ArchiveServer.start(bind, port, archive, Clock.systemUTC());
            out.println("collide: archive at http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":"
                    + server.port() + "/ (read-only)" + (isLoopback(bind) ? "" : "; WARNING: reachable from other"
                    + " hosts, it has no authentication"));
            out.flush();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another --port or set server.port", e);
        }
    }

    private static boolean isLoopback(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }
}
