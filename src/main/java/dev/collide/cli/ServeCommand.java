package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.store.ArchiveShare;
import dev.collide.web.ArchiveServer;
import java.io.PrintWriter;
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
             ArchiveServer server = collide.archiveServer(address, tcpPort)) {
            announce(server, address, out);
            stop = StopSignal.register("collide-serve-shutdown", server::close); // stop answering first
            stop.awaitRequest();
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
        return 0;
    }

    /** Says where the archive server listens; used by run too. */
    static void announce(ArchiveServer server, String bind, PrintWriter out) {
        out.println("collide: archive at http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":"
                + server.port() + "/ (read-only)" + (isLoopback(bind) ? "" : "; WARNING: reachable from other"
                + " hosts, it has no authentication"));
        out.flush();
    }

    private static boolean isLoopback(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }
}
