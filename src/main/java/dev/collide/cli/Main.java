package dev.collide.cli;

import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import dev.collide.source.SourceTypes;
import dev.collide.store.StoreException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar collide.jar <command>}: the global options, and the list of commands. */
@Command(name = "collide", mixinStandardHelpOptions = true, version = "collide 0.1.0",
        description = "Scheduled feed aggregator and AI release-collision detector.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, FetchCommand.class, DetectCommand.class,
                CollisionsCommand.class, EventsCommand.class, ArticlesCommand.class, RivalsCommand.class,
                WavesCommand.class, SourcesCommand.class, ExtractCommand.class, DemoCommand.class,
                ServeCommand.class, OutboxCommand.class, DigestCommand.class, BackupCommand.class,
                RestoreCommand.class, CompactCommand.class, BenchCommand.class, EvalCommand.class})
public final class Main implements Runnable {
    /** Exit status for an invalid config or feeds file, or bad arguments. */
    public static final int EXIT_CONFIG = 2;

    @Option(names = "--config", paramLabel = "DIR", description = "Config directory (default: ./config, else the"
            + " copy bundled in the jar).", scope = CommandLine.ScopeType.INHERIT)
    Path configDir;

    @Option(names = "--feeds", paramLabel = "FILE", description = "Sources file (default: ./feeds.yml).",
            defaultValue = "feeds.yml", scope = CommandLine.ScopeType.INHERIT)
    Path feedsFile;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database URL; overrides database.url.",
            scope = CommandLine.ScopeType.INHERIT)
    String dbUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Loads and validates the whole configuration, with --db applied. */
    public CollideConfig loadConfig() throws ConfigException {
        ConfigLoader loader = loader();
        CollideConfig config = loader.load(configDir(), feedsFile);
        loader.warnings().forEach(w -> System.err.println("warning: " + w));
        if (dbUrl != null && !dbUrl.isBlank()) {
            config = config.withDatabase(config.database().withUrl(dbUrl));
        }
        return config;
    }

    /** The config directory only (labs, detection, ...), without reading the feeds file. */
    public CollideConfig loadConfigWithoutSources() throws ConfigException {
        CollideConfig config = loader().loadWithoutSources(configDir());
        if (dbUrl != null && !dbUrl.isBlank()) {
            config = config.withDatabase(config.database().withUrl(dbUrl));
        }
        return config;
    }

    /** For commands that only read the archive: as {@link #loadConfigWithoutSources}, closed without compaction. */
    public CollideConfig loadConfigForQuery() throws ConfigException {
        CollideConfig config = loadConfigWithoutSources();
        return config.withDatabase(config.database().forQuery());
    }

    /** --config, else ./config; files missing from the default directory come from the jar. */
    Path configDir() {
        return configDir != null ? configDir : Path.of("config");
    }

    ConfigLoader loader() {
        ConfigLoader loader = ConfigLoader.fromEnvironment().withKinds(SourceTypes.BUILT_IN.all());
        return configDir != null ? loader : loader.withBundledFallback();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The same words as the API's 400 for a bad date parameter. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; write YYYY-MM-DD, e.g."
                    + " 2026-04-24");
        }
    }

    /** picocli's "Invalid value for option '--since': 'x' is not..." as the API says it: "since 'x' is not...". */
    static String oneLine(String message) {
        String m = message == null ? "invalid arguments" : message.strip();
        m = m.replaceFirst("^Error: ", "").replaceFirst("^Invalid value for option '--([a-zA-Z-]+)': ", "$1 ");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public static CommandLine newCommandLine() {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return EXIT_CONFIG;
            }
            if (ex instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("error: " + ex.getMessage()); // e.g. the archive port is taken
                return 1;
            }
            if (ex instanceof StoreException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        cli.registerConverter(LocalDate.class, Main::date);
        cli.setParameterExceptionHandler((ex, args) -> {
            // one line, worded as the API words a bad parameter, and where to read more (issue #14)
            CommandLine where = ex.getCommandLine();
            where.getErr().println("error: " + oneLine(ex.getMessage()) + "; see 'collide "
                    + where.getCommandSpec().qualifiedName(" ").replaceFirst("^collide ?", "") + " --help'");
            return EXIT_CONFIG;
        });
        return cli;
    }
}
