package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Universal Feed Parser's test documents (../shared/corpus/feedparser, see its README.md). Every file: no exception,
 * no hang, a feed or a one-line reason. Files whose {@code Expect:} holds simple equalities on the feed title, the
 * first entry's title, link or date are checked, and the share that matches must not regress.
 */
class FeedparserCorpusTest {
    static final Path DIR = Path.of("../shared/corpus/feedparser");
    /** Reached on 2026-11-24; the test fails if a change loses more than two of these. */
    static final int CORRECT_BASELINE = 67;
    static final int MARGIN = 2;

    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*?)\\s*-->", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("Header:\\s*([A-Za-z-]+)\\s*:\\s*(.*)");
    private static final String STRING = "u?('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")";
    private static final Pattern FEED_TITLE = Pattern.compile("feed\\['title'\\] == " + STRING);
    private static final Pattern ENTRY_TITLE = Pattern.compile("entries\\[0\\]\\['title'\\] == " + STRING);
    private static final Pattern ENTRY_LINK = Pattern.compile("entries\\[0\\](?:\\['link'\\]|\\.link) == " + STRING);
    private static final Pattern ENTRY_DATE = Pattern.compile(
            "entries\\[0\\]\\['(?:published|updated|created)_parsed'\\] == \\((\\d+), (\\d+), (\\d+), (\\d+), (\\d+), "
                    + "(\\d+)");

    private final FeedParser parser = new FeedParser();

    static Stream<Path> corpusFiles() throws IOException {
        if (!Files.isDirectory(DIR)) {
            dev.collide.RequiredService.missing("feedparser corpus not found at " + DIR.toAbsolutePath()
                + "; skipped");
        }
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    @Timeout(5)
    void parse_corpusFile_givesFeedOrOneLineReason(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        Document doc = Document.of(body);

        ParseResult[] result = new ParseResult[1];
        assertThatCode(() -> result[0] = parse(doc, body)).doesNotThrowAnyException();

        if (result[0] instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank().doesNotContain("\n");
        } else {
            // README contract (c): nothing Collide stores carries script, an on* handler or a javascript: URL
            for (Article article : ((ParseResult.Parsed) result[0]).feed().articles()) {
                for (String stored : List.of(article.title(), article.text())) {
                    assertThat(stored.toLowerCase(Locale.ROOT)).doesNotContain("<script", "javascript:", "<iframe",
                            "alert(").doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=");
                }
                assertThat(article.link().map(URI::getScheme).orElse("http")).isIn("http", "https");
            }
        }
    }

    @Test
    void parse_corpusExpectations_shareDoesNotRegress() throws IOException {
        List<Path> files = corpusFiles().toList();
        int checked = 0;
        int correct = 0;
        int rejected = 0;
        int headerOnly = 0;
        int plainEquivalent = 0;
        var misses = new ArrayList<String>();
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            Document doc = Document.of(body);
            ParseResult result = parse(doc, body);
            if (result instanceof ParseResult.Rejected) {
                rejected++;
            }
            List<Check> checks = doc.checks();
            if (checks.isEmpty()) {
                continue;
            }
            if (doc.dependsOnHeaderOtherThanContentType()) {
                headerOnly++;
                continue;
            }
            checked++;
            Optional<String> miss = firstMiss(checks, result, false);
            if (miss.isEmpty()) {
                correct++;
            } else if (firstMiss(checks, result, true).isEmpty()) {
                plainEquivalent++;
                misses.add(DIR.relativize(file) + " (equal as plain text): " + miss.get());
            } else {
                misses.add(DIR.relativize(file) + ": " + miss.get());
            }
        }
        System.out.printf("feedparser corpus: %d files, %d rejected; expectations correct in %d of %d checkable "
                + "files, %d more equal once feedparser's HTML is read as plain text (%d skipped: they depend on HTTP "
                + "headers other than Content-Type)%n", files.size(), rejected, correct, checked, plainEquivalent,
                headerOnly);
        misses.forEach(m -> System.out.println("  miss " + m));

        assertThat(correct).isGreaterThanOrEqualTo(CORRECT_BASELINE - MARGIN);
    }

    private ParseResult parse(Document doc, byte[] body) {
        return parser.parse("feedparser", body, doc.contentType(), Optional.empty());
    }

    /**
     * The first check that fails, if any. With {@code asPlainText}, the expected value is first read as HTML and
     * reduced to its text, since feedparser returns sanitized HTML where Collide stores plain text.
     */
    private static Optional<String> firstMiss(List<Check> checks, ParseResult result, boolean asPlainText) {
        if (result instanceof ParseResult.Rejected rejected) {
            return Optional.of("rejected: " + rejected.reason());
        }
        ParsedFeed feed = ((ParseResult.Parsed) result).feed();
        for (Check check : checks) {
            Optional<Article> first = feed.articles().stream().findFirst();
            String actual = switch (check.field()) {
                case "feed title" -> feed.title();
                case "entry title" -> first.map(Article::title).orElse("<no entry>");
                case "entry link" -> first.flatMap(Article::link).map(URI::toString).orElse("<no link>");
                case "entry date" -> first.flatMap(Article::publishedAt).map(Instant::toString).orElse("<no date>");
                default -> throw new IllegalStateException(check.field());
            };
            String expected = asPlainText ? Jsoup.parseBodyFragment(check.expected()).body().text()
                    : check.expected();
            if (!actual.equals(expected)) {
                return Optional.of(check.field() + " expected [" + check.expected() + "] but was [" + actual + "]");
            }
        }
        return Optional.empty();
    }

    record Check(String field, String expected) {}

    /** The test comment of one corpus file: decoded by sniffing the first bytes, as the corpus README advises. */
    record Document(String expect, List<String[]> headers) {
        static Document of(byte[] body) {
            String text = new String(body, sniff(body));
            Matcher matcher = EXPECT.matcher(text);
            String expect = matcher.find() ? matcher.group(1) : "";
            var headers = new ArrayList<String[]>();
            Matcher header = HEADER.matcher(text);
            while (header.find()) {
                headers.add(new String[] {header.group(1), header.group(2).strip()});
            }
            return new Document(expect, headers);
        }

        private static Charset sniff(byte[] b) {
            if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
                return StandardCharsets.UTF_16BE;
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00) || startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
                return Charset.forName("UTF-32LE");
            }
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
                return Charset.forName("UTF-32BE");
            }
            if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
                return StandardCharsets.UTF_16LE;
            }
            return StandardCharsets.UTF_8;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        Optional<String> contentType() {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase("Content-type")).map(h -> h[1]).findFirst();
        }

        boolean dependsOnHeaderOtherThanContentType() {
            return headers.stream().anyMatch(h -> !h[0].equalsIgnoreCase("Content-type"));
        }

        List<Check> checks() {
            var checks = new ArrayList<Check>();
            find(FEED_TITLE, "feed title", checks);
            find(ENTRY_TITLE, "entry title", checks);
            find(ENTRY_LINK, "entry link", checks);
            Matcher date = ENTRY_DATE.matcher(expect);
            if (date.find()) {
                var at = LocalDateTime.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)), Integer.parseInt(date.group(4)),
                        Integer.parseInt(date.group(5)), Integer.parseInt(date.group(6)));
                checks.add(new Check("entry date", at.toInstant(ZoneOffset.UTC).toString()));
            }
            return checks;
        }

        private void find(Pattern pattern, String field, List<Check> checks) {
            Matcher matcher = pattern.matcher(expect);
            if (matcher.find()) {
                checks.add(new Check(field, PythonString.unquote(matcher.group(1))));
            }
        }
    }
}
