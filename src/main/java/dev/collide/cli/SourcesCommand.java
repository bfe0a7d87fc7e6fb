package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import dev.collide.config.SourceConfig;
import dev.collide.source.SourceTypes;
import dev.collide.store.SourceHealth;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide sources}: each source's last fetch, status, health and next run; OPML import and export. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List sources with their last fetch, status, health, errors and next run.",
        subcommands = {SourcesCommand.ListSources.class, SourcesCommand.ImportOpml.class,
                SourcesCommand.ExportOpml.class})
public final class SourcesCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("id", "kind", "last fetch", "status", "health", "errors",
            "next run");

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = ArchiveOptions.FormatConverter.class)
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfig();
        var out = spec.commandLine().getOut();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Map<String, SourceHealth> states = new HashMap<>();
            collide.sourceStates().all().forEach(h -> states.put(h.sourceId(), h));
            Tabular table = new Tabular(COLUMNS);
            for (SourceConfig source : config.sources()) {
                SourceHealth h = states.getOrDefault(source.id(), SourceHealth.fresh(source.id()));
                String health = !source.enabled() ? "disabled"
                        : h.attention().map(reason -> "needs attention: " + reason).orElse("ok");
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", source.id());
                json.put("kind", source.kind().yamlName());
                json.put("enabled", source.enabled());
                json.put("lastFetchAt", h.lastFetchAt().map(Object::toString).orElse(null));
                json.put("lastSuccessAt", h.lastSuccessAt().map(Object::toString).orElse(null));
                json.put("status", h.lastStatus());
                json.put("needsAttention", h.needsAttention());
                json.put("attention", h.attention().orElse(null));
                json.put("lastError", h.lastError().orElse(null));
                json.put("errorCount", h.errorCount());
                json.put("nextFetchAt", h.nextFetchAt().map(Object::toString).orElse(null));
                json.put("itemCount", h.itemCount());
                table.add(List.of(source.id(), source.kind().yamlName(),
                        h.lastFetchAt().map(Object::toString).orElse("never"), h.lastStatus(), health,
                        Integer.toString(h.errorCount()), h.nextFetchAt().map(Object::toString).orElse("now")),
                        json);
            }
            table.print(out, format);
        }
        return 0;
    }

    /** {@code collide sources list}: the same listing as {@code collide sources}, as the README spells it. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List sources with their last fetch, status, health, errors and next run.")
    static final class ListSources implements Callable<Integer> {
        @ParentCommand
        SourcesCommand sources;

        @Option(names = "--format", description = "table, json or csv (default table).",
                converter = ArchiveOptions.FormatConverter.class)
        OutputFormat format;

        @Override
        public Integer call() throws Exception {
            if (format != null) {
                sources.format = format;
            }
            return sources.call();
        }
    }

    /** Appends the feeds of an OPML file to the feeds file; skips ids and URLs already there. */
    @Command(name = "import-opml", mixinStandardHelpOptions = true,
            description = "Add the feeds of an OPML file to feeds.yml (existing ids and URLs are kept, not replaced).")
    static final class ImportOpml implements Callable<Integer> {
        @ParentCommand
        SourcesCommand sources;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The OPML file (from a feed reader's export).")
        Path file;

        @Option(names = "--into", paramLabel = "FEEDS", description = "The feeds file to append to (default:"
                + " --feeds).")
        Path into;

        @Option(names = "--every", defaultValue = "1h", description = "Refresh interval of the new sources"
                + " (default 1h).")
        String every;

        @Override
        public Integer call() throws Exception {
            Main main = sources.main;
            Path target = into != null ? into : main.feedsFile;
            var base = main.loadConfigWithoutSources();
            var existing = new ConfigLoader(System::getenv).withKinds(SourceTypes.BUILT_IN.all()).loadSources(target, base).sources();
            Set<String> ids = new HashSet<>();
            Set<String> urls = new HashSet<>();
            existing.forEach(s -> {
                ids.add(s.id());
                urls.add(s.url().toString());
            });
            var out = spec.commandLine().getOut();
            StringBuilder added = new StringBuilder();
            int count = 0;
            List<OpmlFile.Outline> outlines;
            try {
                outlines = OpmlFile.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ConfigException(file.toString(), 0, "file not found; pass the OPML file your feed reader"
                        + " exported");
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file.toString(), 0, e instanceof IOException ? "cannot be read ("
                        + e.getMessage() + ")" : e.getMessage());
            }
            for (OpmlFile.Outline outline : outlines) {
                if (outline.xmlUrl().isEmpty()) {
                    out.println("skipped '" + outline.title() + "': it has only an htmlUrl (" + outline.htmlUrl()
                            + "), a web page and no feed; add the site's feed URL by hand");
                    continue;
                }
                Optional<String> problem = check(outline.xmlUrl());
                if (problem.isPresent()) {
                    out.println("skipped '" + outline.title() + "': " + problem.get());
                    continue;
                }
                if (!urls.add(outline.xmlUrl())) {
                    out.println("skipped '" + outline.title() + "': " + outline.xmlUrl() + " is already a source");
                    continue;
                }
                String id = uniqueId(slug(outline.title().isEmpty() ? URI.create(outline.xmlUrl()).getHost()
                        : outline.title()), ids);
                added.append("  - id: ").append(id).append('\n')
                        .append("    kind: feed\n")
                        .append("    url: \"").append(outline.xmlUrl().replace("\"", "%22")).append("\"\n")
                        .append("    every: ").append(every).append('\n');
                out.println("added " + id + " <- " + outline.xmlUrl());
                count++;
            }
            if (count == 0) {
                out.println("nothing to add to " + target);
                return 0;
            }
            String before = Files.readString(target, StandardCharsets.UTF_8);
            String after = before + (before.endsWith("\n") ? "" : "\n") + "  # imported from " + file.getFileName()
                    + "\n" + added;
            Files.writeString(target, after, StandardCharsets.UTF_8);
            try {
                new ConfigLoader(System::getenv).withKinds(SourceTypes.BUILT_IN.all()).loadSources(target, base);
            } catch (ConfigException e) {
                // the file must stay loadable: put it back as it was
                Files.writeString(target, before, StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("error: the imported entries would make " + target
                        + " invalid (" + e.getMessage() + "); nothing was changed");
                return 1;
            }
            out.println(count + " source(s) added to " + target);
            return 0;
        }

        private static Optional<String> check(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    return Optional.of("xmlUrl '" + url + "' is not an http(s) URL");
                }
                return Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.of("xmlUrl '" + url + "' is not a valid URL");
            }
        }

        static String slug(String title) {
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (slug.length() > 60) {
                slug = slug.substring(0, 60).replaceAll("-+$", "");
            }
            return slug.isEmpty() ? "feed" : slug;
        }

        private static String uniqueId(String slug, Set<String> ids) {
            String id = slug;
            for (int n = 2; !ids.add(id); n++) {
                id = slug + "-" + n;
            }
            return id;
        }
    }

    /** Prints the feed sources as OPML 2.0, for a feed reader. */
    @Command(name = "export-opml", mixinStandardHelpOptions = true,
            description = "Print the feed and github-releases sources as OPML 2.0 on stdout.")
    static final class ExportOpml implements Callable<Integer> {
        @ParentCommand
        SourcesCommand sources;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws ConfigException, IOException {
            spec.commandLine().getOut().print(OpmlFile.write(sources.main.loadConfig().sources()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
