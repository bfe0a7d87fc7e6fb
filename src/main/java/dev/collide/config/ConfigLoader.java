package dev.collide.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code DIR/collide.yml}, {@code DIR/labs.yml}, {@code DIR/events.yml} and the feeds file into one validated
 * {@link CollideConfig}. Every problem is a {@link ConfigException} naming the file and line.
 */
public final class ConfigLoader {
    private static final Set<String> TOP_KEYS = Set.of("database", "detection", "http", "notify", "server", "logging");
    /** Logback's levels, most severe first; OFF silences everything. */
    private static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

    /** Where the jar keeps its default config directory (collide.yml, labs.yml), read when ./config is absent. */
    static final String BUNDLED = "/bundled-config/";
    private final Function<String, String> env;
    private final List<String> warnings = new ArrayList<>();
    private final boolean bundledFallback;
    private final List<SourceSchema> kinds;

    /** A loader that knows no source kinds: for labs and collide.yml; give it kinds with {@link #withKinds}. */
    public ConfigLoader(Function<String, String> env) {
        this(env, false, List.of());
    }

    private ConfigLoader(Function<String, String> env, boolean bundledFallback, List<SourceSchema> kinds) {
        this.env = env;
        this.bundledFallback = bundledFallback;
        this.kinds = List.copyOf(kinds);
    }

    /**
     * This loader, reading feeds files with these kinds of source (the registry {@code SourceTypes} in
     * {@code dev.collide.source}): an entry of any other kind is refused with its line (issue 15).
     */
    public ConfigLoader withKinds(List<? extends SourceSchema> kinds) {
        return new ConfigLoader(env, bundledFallback, List.copyOf(kinds));
    }

    /**
     * This loader, reading a file missing from the config directory from the copy bundled in the jar: for the
     * default {@code ./config}, so that {@code java -jar collide.jar ...} works from any directory (issue #14). An
     * explicit {@code --config DIR} gets no fallback: a typo there must not silently load other labs.
     */
    public ConfigLoader withBundledFallback() {
        return new ConfigLoader(env, true, kinds);
    }

    /** Problems that do not stop a load, e.g. a feeds file with no sources; each names the file. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** Only config/labs.yml: for commands that need the labs and no sources (e.g. {@code collide extract}). */
    public List<Lab> loadLabs(Path configDir) throws ConfigException {
        return LabsReader.read(parseRequired(configDir.resolve("labs.yml"),
                "copy config/labs.yml from the Collide distribution"));
    }

    /**
     * Only config/events.yml, the conferences' editions; a directory without one (written before the file existed)
     * gets the jar's copy, {@link #bundledConferences}.
     */
    public List<Conference> loadConferences(Path configDir) throws ConfigException {
        Path file = configDir.resolve("events.yml");
        return Files.exists(file) ? EventsReader.read(parseRequired(file, "")) : bundledConferences();
    }

    /** config/events.yml as the jar bundles it, read once per process: for extractors given labs alone. */
    public static List<Conference> bundledConferences() {
        return EventsReader.Bundled.CONFERENCES;
    }

    public CollideConfig load(Path configDir, Path feedsFile) throws ConfigException {
        YamlMap main = parseOptional(configDir.resolve("collide.yml"));
        List<Lab> labs = LabsReader.read(parseRequired(configDir.resolve("labs.yml"),
                "copy config/labs.yml from the Collide distribution"));
        List<Conference> conferences = loadConferences(configDir);
        List<SourceConfig> sources = readSources(parseRequired(feedsFile,
                "pass --feeds FILE, or create feeds.yml with a 'sources:' list"), labs);
        return readMain(main, labs, conferences, sources);
    }

    /** The config directory alone, with no sources (for commands that bring their own). */
    public CollideConfig loadWithoutSources(Path configDir) throws ConfigException {
        YamlMap main = parseOptional(configDir.resolve("collide.yml"));
        List<Lab> labs = LabsReader.read(parseRequired(configDir.resolve("labs.yml"),
                "copy config/labs.yml from the Collide distribution"));
        return readMain(main, labs, loadConferences(configDir), List.of());
    }

    /** Reads a feeds file against an already loaded configuration's labs. */
    public CollideConfig loadSources(Path feedsFile, CollideConfig base) throws ConfigException {
        return base.withSources(readSources(parseRequired(feedsFile,
                "pass --feeds FILE, or create feeds.yml with a 'sources:' list"), base.labs()));
    }

    private List<SourceConfig> readSources(YamlMap root, List<Lab> labs) throws ConfigException {
        if (kinds.isEmpty()) {
            throw new IllegalStateException("this ConfigLoader knows no source kinds; build it withKinds(...)");
        }
        return new SourcesReader(kinds).read(root, labs, warnings);
    }

    CollideConfig readMain(YamlMap main, List<Lab> labs, List<Conference> conferences, List<SourceConfig> sources)
            throws ConfigException {
        main.rejectUnknown(main.file(), TOP_KEYS);
        DatabaseConfig database = readDatabase(main.map("database"));
        DetectionConfig detection = readDetection(main.map("detection"), labs);
        HttpConfig http = readHttp(main.map("http"))
                .withProxy(ProxyConfig.read(main.map("http"), env).withSources(sources));
        NotifyConfig notifications = main.map("notify").isPresent() ? NotifyConfig.read(main.map("notify").get())
                : NotifyConfig.defaults();
        Set<String> labIds = new HashSet<>();
        labs.forEach(l -> labIds.add(l.id()));
        for (String watched : notifications.watch()) {
            if (!labIds.contains(watched)) {
                throw new ConfigException(main.file(), main.lineOf("notify"), "notify.watch names lab '" + watched
                        + "', which config/labs.yml does not define; use one of " + String.join(", ", labIds));
            }
        }
        ServerConfig server = main.map("server").isPresent() ? ServerConfig.read(main.map("server").get())
                : ServerConfig.defaults();
        Optional<YamlMap> logging = main.map("logging");
        if (logging.isPresent()) {
            applyLogging(logging.get());
        }
        return new CollideConfig(database, detection, http, notifications, server, labs, conferences, sources);
    }

    private static void applyLogging(YamlMap logging) throws ConfigException {
        logging.rejectUnknown("logging", Set.of("level"));
        Optional<String> level = logging.string("level");
        if (level.isPresent()) {
            String upper = level.get().trim().toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(upper)) {
                throw logging.error("level", "logging.level '" + level.get() + "' is not a log level; use one of "
                        + String.join(", ", LOG_LEVELS));
            }
            System.setProperty("collide.log.level", upper);
        }
    }

    private DatabaseConfig readDatabase(Optional<YamlMap> section) throws ConfigException {
        if (section.isEmpty()) {
            return new DatabaseConfig(DatabaseConfig.DEFAULT_URL, Optional.empty(), Optional.empty());
        }
        YamlMap db = section.get();
        db.rejectUnknown("database", Set.of("url", "user", "password", "backups"));
        String url = db.string("url").orElse(DatabaseConfig.DEFAULT_URL);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw db.error("url", "database.url must start with jdbc:h2: or jdbc:postgresql:, not '" + url + "'");
        }
        return new DatabaseConfig(url, db.string("user"), db.secret("password", false), readBackups(db.map("backups")));
    }

    private static BackupConfig readBackups(Optional<YamlMap> section) throws ConfigException {
        var defaults = BackupConfig.DEFAULT;
        if (section.isEmpty()) {
            return defaults;
        }
        YamlMap b = section.get();
        b.rejectUnknown("database.backups", Set.of("dir", "keep", "every"));
        Optional<Path> dir = b.string("dir").map(Path::of);
        int keep = (int) b.number("keep", defaults.keep(), 0, 1000);
        Duration every = b.duration("every").orElse(defaults.every());
        if (every.compareTo(Duration.ofMinutes(10)) < 0) {
            throw b.error("every", "database.backups.every must be at least 10m");
        }
        return new BackupConfig(dir, keep, every);
    }

    private DetectionConfig readDetection(Optional<YamlMap> section, List<Lab> labs) throws ConfigException {
        var defaults = DetectionConfig.defaults();
        if (section.isEmpty()) {
            return defaults;
        }
        YamlMap d = section.get();
        d.rejectUnknown("detection", Set.of("window", "minConfidence", "rivals"));
        Duration window = d.duration("window").orElse(defaults.window());
        if (window.compareTo(Duration.ofDays(1)) < 0) {
            throw d.error("window", "detection.window must be at least 1d");
        }
        double minConfidence = d.decimal("minConfidence", defaults.minConfidence(), 0, 1);
        Set<String> labIds = new HashSet<>();
        labs.forEach(l -> labIds.add(l.id()));
        List<Set<String>> rivals = new ArrayList<>();
        for (String pair : d.strings("rivals")) {
            String[] parts = pair.split("\\s*[-–,]\\s*|\\s+vs\\s+");
            if (parts.length != 2 || parts[0].equals(parts[1])) {
                throw d.error("rivals", "each rival pair is two lab ids joined by '-', e.g. 'deepseek-moonshot'; got '"
                        + pair + "'");
            }
            for (String lab : parts) {
                if (!labIds.contains(lab)) {
                    throw d.error("rivals", "rival pair '" + pair + "' names unknown lab '" + lab + "'");
                }
            }
            rivals.add(Set.of(parts[0], parts[1]));
        }
        return new DetectionConfig(window, minConfidence, rivals);
    }

    private HttpConfig readHttp(Optional<YamlMap> section) throws ConfigException {
        var d = HttpConfig.defaults();
        if (section.isEmpty()) {
            return d;
        }
        YamlMap h = section.get();
        var keys = new HashSet<>(Set.of("connectTimeout", "readTimeout", "callTimeout", "maxBodyBytes", "userAgent",
                "maxRetries", "retryBaseDelay", "perHostConcurrency", "maxRedirects"));
        keys.addAll(ProxyConfig.HTTP_KEYS);
        h.rejectUnknown("http", keys);
        return new HttpConfig(h.duration("connectTimeout").orElse(d.connectTimeout()),
                h.duration("readTimeout").orElse(d.readTimeout()),
                h.duration("callTimeout").orElse(d.callTimeout()),
                h.number("maxBodyBytes", d.maxBodyBytes(), 1024, 1L << 31),
                h.string("userAgent").orElse(d.userAgent()),
                (int) h.number("maxRetries", d.maxRetries(), 0, 10),
                h.duration("retryBaseDelay").orElse(d.retryBaseDelay()),
                (int) h.number("perHostConcurrency", d.perHostConcurrency(), 1, 64),
                (int) h.number("maxRedirects", d.maxRedirects(), 0, 5));
    }

    private YamlMap parseRequired(Path file, String hint) throws ConfigException {
        try {
            return YamlMap.parse(file.toString(), Utf8Text.decode(file.toString(), Files.readAllBytes(file)), env);
        } catch (NoSuchFileException e) {
            Optional<String> bundled = bundled(file);
            if (bundled.isPresent()) {
                return YamlMap.parse("collide.jar!" + BUNDLED + file.getFileName(), bundled.get(), env);
            }
            throw new ConfigException(file.toString(), 0, "file not found; " + hint);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private Optional<String> bundled(Path file) throws ConfigException {
        if (!bundledFallback || file.getFileName() == null) {
            return Optional.empty();
        }
        try (var in = ConfigLoader.class.getResourceAsStream(BUNDLED + file.getFileName())) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("collide.jar!" + BUNDLED + file.getFileName(), 0, "cannot be read ("
                    + e.getMessage() + ")");
        }
    }

    private YamlMap parseOptional(Path file) throws ConfigException {
        if (!Files.exists(file) && bundledFallback && !Files.isDirectory(file.getParent() == null ? Path.of(".")
                : file.getParent())) {
            return parseRequired(file, ""); // no config directory at all: the bundled collide.yml
        }
        if (!Files.exists(file)) {
            return YamlMap.parse(file.toString(), "", env);
        }
        return parseRequired(file, "");
    }
}
