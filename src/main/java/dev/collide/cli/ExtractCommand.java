package dev.collide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import dev.collide.extract.CoRelease;
import dev.collide.extract.DictionaryExtractor;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code collide extract --date YYYY-MM-DD [FILE]}: reads a text (stdin by default) as a news article of that date
 * and prints what the extractor finds, as JSON: the list of mentions, or with {@code --co-releases}
 * {@code {"mentions": [...], "coReleases": [...]}}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the mentions, release dates and co-releases found in a text, as JSON.")
public final class ExtractCommand implements Callable<Integer> {
    /** Texts beyond this are cut: the extractor reads no more anyway. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
            description = "The article's date: relative dates (\"yesterday\") are read from it.")
    LocalDate date;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Text file to read (default: stdin).")
    Path file;

    @Option(names = "--co-releases", description = "Print {\"mentions\": [...], \"coReleases\": [...]} instead of the"
            + " list of mentions alone.")
    boolean withCoReleases;

    /** One mention as printed. */
    record MentionJson(String lab, String model, String modelId, String family, boolean release, String date,
                       String precision, boolean dateFromArticle, double confidence, String evidence) {
        static MentionJson of(Mention m) {
            return new MentionJson(m.lab(), m.model(), m.modelId(), m.family(), m.release(), m.date().date().toString(),
                    m.date().precision().name(), m.dateFromArticle(), Math.round(m.confidence() * 100) / 100.0,
                    m.evidence());
        }
    }

    /** The printed document. */
    record Output(List<MentionJson> mentions, List<CoRelease> coReleases) {
    }

    @Override
    public Integer call() throws ConfigException {
        // Only the labs and the conferences' editions: extracting a text needs no feeds.yml.
        var labs = main.loader().loadLabs(main.configDir());
        var conferences = main.loader().loadConferences(main.configDir());
        String text;
        try {
            text = read();
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read " + (file == null ? "stdin" : file) + ": "
                    + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        Article article = new Article("cli", "cli:" + date, Optional.empty(), "", text,
                Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant()), ArticleKind.NEWS, Optional.empty(),
                List.of());
        Extraction extraction = new DictionaryExtractor(labs, conferences).extract(article);
        List<MentionJson> mentions = extraction.mentions().stream().map(MentionJson::of).toList();
        Object out = withCoReleases ? new Output(mentions, extraction.coReleases()) : mentions;
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
        } catch (IOException e) {
            throw new IllegalStateException("JSON of plain records cannot fail", e);
        }
        return 0;
    }

    /** Bytes that are not UTF-8 become U+FFFD rather than an error: odd input is still extracted from. */
    private String read() throws IOException {
        try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        }
    }
}
