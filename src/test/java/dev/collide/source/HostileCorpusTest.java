package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight feeds of ../shared/corpus/hostile (see its README.md), each with the outcome Collide chose where the
 * README allows two: DOCTYPE refused, truncation refused, everything else parsed safely.
 */
class HostileCorpusTest {
    static final Path DIR = Path.of("../shared/corpus/hostile");

    private static final Map<String, Consumer<ParseResult>> EXPECTATIONS = Map.of(
            "xxe-file-passwd.xml", result -> {
                assertThat(reason(result)).startsWith("DOCTYPE not allowed").doesNotContain("root:");
            },
            "billion-laughs.xml", result -> assertThat(reason(result)).startsWith("DOCTYPE not allowed"),
            "invalid-utf8.xml", result -> {
                List<Article> articles = feed(result).articles();
                assertThat(articles).hasSize(2);
                assertThat(articles.get(0).title()).startsWith("Bad bytes: [").contains("\uFFFD").endsWith("] end");
                assertThat(articles.get(1).title()).isEqualTo("Clean item");
                assertThat(articles.get(1).link()).contains(URI.create("https://example.invalid/clean"));
            },
            "windows-1252.xml", result -> assertThat(feed(result).articles().get(0).title())
                    .isEqualTo("\u201cGemini\u201d costs \u20ac0 \u2013 caf\u00e9 edition\u2026 Model\u2122"),
            "truncated.xml", result -> assertThat(reason(result))
                    .isEqualTo("not well-formed XML at line 21: the document ends early (truncated transfer or "
                            + "empty body)"),
            "rss-script-onerror.xml", result -> {
                List<Article> articles = feed(result).articles();
                assertThat(articles).extracting(Article::title)
                        .containsExactly("Model Q is out <b>now</b>", "Escaped markup", "Mixed case and SVG");
                assertThat(articles).extracting(Article::text)
                        .containsExactly("Model Q is out. Read more", "Model Q is out.", "Read more");
                for (Article article : articles) {
                    for (String stored : List.of(article.title(), article.text())) {
                        String lower = stored.toLowerCase(Locale.ROOT);
                        assertThat(lower).doesNotContain("<script", "javascript:", "alert(", "<iframe", "<svg")
                                .doesNotContainPattern("on[a-z]+\\s*=");
                    }
                }
            },
            "atom-javascript-link.xml", result -> {
                List<Article> articles = feed(result).articles();
                assertThat(articles).extracting(Article::title).containsExactly("Model J released",
                        "Model J2 released", "Model J3 released", "Model J4 released", "Model J5 released",
                        "Model J6 released");
                assertThat(articles.subList(0, 5)).allSatisfy(a -> assertThat(a.link()).isEmpty());
                assertThat(articles.get(5).link()).contains(URI.create("https://example.invalid/j6"));
                assertThat(articles).allSatisfy(a -> assertThat(a.text()).doesNotContain("alert("));
            },
            "huge-title-2mb.xml", result -> {
                List<Article> articles = feed(result).articles();
                assertThat(articles).hasSize(2);
                assertThat(articles.get(0).title()).hasSize(FeedParser.MAX_TITLE_CHARS)
                        .isEqualTo("A".repeat(FeedParser.MAX_TITLE_CHARS - 1) + "\u2026");
                assertThat(articles.get(1).title()).isEqualTo("Normal item");
            });

    private final FeedParser parser = new FeedParser();

    static Stream<Path> hostileFiles() throws IOException {
        if (!Files.isDirectory(DIR)) {
            dev.collide.RequiredService.missing("hostile corpus not found at " + DIR.toAbsolutePath()
                + "; skipped");
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    @Timeout(5)
    void parse_hostileFile_meetsItsExpectation(Path file) throws IOException {
        Consumer<ParseResult> expectation = EXPECTATIONS.get(file.getFileName().toString());
        assertThat(expectation).as("expectation for new hostile file " + file).isNotNull();

        ParseResult result = parser.parse("hostile", Files.readAllBytes(file), Optional.empty(), Optional.empty());

        expectation.accept(result);
        if (result instanceof ParseResult.Parsed parsed) {
            assertThat(parsed.feed().articles()).allSatisfy(a -> assertThat(a.link().map(URI::getScheme).orElse("http"))
                    .isIn("http", "https"));
        }
    }

    @Test
    void corpus_hasEveryExpectedFile() throws IOException {
        assertThat(hostileFiles().map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                EXPECTATIONS.keySet());
    }

    private static ParsedFeed feed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).feed();
    }

    private static String reason(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).reason();
    }
}
