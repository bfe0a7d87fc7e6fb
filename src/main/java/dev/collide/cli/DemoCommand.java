package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.DetectionReport;
import dev.collide.SourceReport;
import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.source.SourceTypes;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.CollisionCsv;
import dev.collide.store.CollisionView;
import dev.collide.store.StoredCollision;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide demo}: the whole pipeline over the bundled offline corpus, in a throw-away database. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the bundled offline corpus in a throw-away database and print the"
                + " collisions found.")
public final class DemoCommand implements Callable<Integer> {
    static final List<String> CORPUS = List.of("feeds.yml", "deepseek-news.atom", "moonshot-blog.rss",
            "qwen-blog.rss", "zai-blog.atom", "ai-wire.rss", "ml-digest.rdf");

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = ArchiveOptions.FormatConverter.class)
    OutputFormat format;

    @Option(names = "--serve", description = "Then serve the demo archive over HTTP (see serve) until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "With --serve: TCP port on 127.0.0.1 (default 8080; 0 = any free port).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("collide-demo");
        try {
            copyCorpus(dir);
            CollideConfig base = main.loadConfigWithoutSources();
            CollideConfig config = new ConfigLoader(name -> "DEMO_DIR".equals(name) ? dir.toString()
                    : System.getenv(name)).withKinds(SourceTypes.BUILT_IN.all()).loadSources(dir.resolve("feeds.yml"), base);
            boolean ownDb = main.dbUrl != null && !main.dbUrl.isBlank(); // --db keeps the demo archive
            if (!ownDb) {
                config = config.withDatabase(new DatabaseConfig("jdbc:h2:mem:demo-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()));
            } else if (serve) {
                config = config.withDatabase(config.database().closedByOwner()); // StopSignal closes it, in order
            }
            try (Collide collide = Collide.open(config, Clock.systemUTC())) {
                if (format == OutputFormat.TABLE) {
                    out.println("Collide demo: " + config.sources().size() + " bundled feeds, window "
                            + config.detection().windowDays() + " days, " + (ownDb ? "archive "
                            + dev.collide.store.Database.redact(config.database().url()) : "throw-away database"));
                }
                for (SourceReport report : FetchCommand.fetchAll(collide, 4)) {
                    if (format == OutputFormat.TABLE) {
                        out.println("  " + report.line());
                    }
                }
                DetectionReport detection = collide.pipeline().detect();
                List<StoredCollision> collisions = collide.archive().collisions(ArchiveQuery.all(), Optional.empty(),
                        false);
                if (format == OutputFormat.TABLE) {
                    out.println(detection.line());
                    out.println();
                    out.println(collisions.size() + " collisions:");
                }
                List<CollisionView> views = collisions.stream().map(CollisionView::of).toList();
                if (format == OutputFormat.CSV) {
                    out.print(CollisionCsv.render(views)); // the columns of /api/collisions.csv
                } else {
                    Tabular table = new Tabular(Rows.COLLISION_COLUMNS);
                    views.forEach(c -> Rows.addCollision(table, c));
                    table.print(out, format);
                }
                if (serve) {
                    serveUntilStopped(collide, out);
                }
            }
        } finally {
            deleteTree(dir);
        }
        out.flush();
        return 0;
    }

    private void serveUntilStopped(Collide collide, PrintWriter out) throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port
                    + " is not a TCP port; use 0 to 65535");
        }
        StopSignal stop = null;
        try (var server = collide.archiveServer("127.0.0.1", port)) {
            ServeCommand.announce(server, "127.0.0.1", out);
            out.println("collide: open the URL above in a browser; Ctrl-C stops");
            out.flush();
            stop = StopSignal.register("collide-demo-shutdown", server::close);
            stop.awaitRequest();
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
    }

    private static void copyCorpus(Path dir) throws IOException {
        for (String name : CORPUS) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IOException("demo file " + name + " is missing from the jar; rebuild with mvn package");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
