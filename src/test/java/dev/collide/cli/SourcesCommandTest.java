package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.fetch.Validators;
import dev.collide.store.Database;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SourceHealth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesCommandTest {
    private static final Instant AT = Instant.parse("2025-11-07T09:00:00Z");
    private static final String FEEDS = """
            sources:
              - id: qwen-blog
                kind: feed
                lab: qwen
                url: https://qwenlm.github.io/blog/index.xml
              - id: hf-moonshotai
                kind: huggingface
                org: moonshotai
              - id: gh-qwen3
                kind: github-releases
                repo: QwenLM/Qwen3
            """;

    @TempDir
    Path dir;

    private String dbUrl;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void fill() throws Exception {
        Files.writeString(dir.resolve("collide.yml"), "");
        Files.copy(Path.of("config/labs.yml"), dir.resolve("labs.yml"));
        Files.writeString(dir.resolve("feeds.yml"), FEEDS);
        dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (Database db = Database.open(new DatabaseConfig(dbUrl, Optional.empty(), Optional.empty()))) {
            var states = new JdbcSourceStateStore(db.dataSource());
            states.save(new SourceHealth("hf-moonshotai", Validators.NONE, Optional.of(AT), Optional.empty(),
                    Optional.empty(), "failed", Optional.of("organisation 'moonshotai' not found or private (HTTP"
                    + " 404); check `org:`"), 3, Optional.of(AT.plus(Duration.ofHours(2))), 5, 0, 0));
            states.save(new SourceHealth("qwen-blog", Validators.NONE, Optional.of(AT), Optional.of(AT),
                    Optional.of(AT), "ok", Optional.empty(), 0, Optional.of(AT.plus(Duration.ofMinutes(30))), 4, 1,
                    12, 0, Optional.of(Duration.ofMinutes(30))));
        }
    }

    private int run(String... args) {
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of("--config", dir.toString(), "--feeds",
                dir.resolve("feeds.yml").toString(), "--db", dbUrl));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void sources_json_listsHealthErrorsAndNextRun() throws Exception {
        assertThat(run("sources", "--format", "json")).isZero();

        var rows = Tabular.json().readTree(out.toString());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("id").asText()).isEqualTo("qwen-blog");
        assertThat(rows.get(0).get("needsAttention").asBoolean()).isFalse();
        assertThat(rows.get(0).get("nextFetchAt").asText()).isEqualTo("2025-11-07T09:30:00Z");
        assertThat(rows.get(1).get("needsAttention").asBoolean()).isTrue();
        assertThat(rows.get(1).get("attention").asText()).isEqualTo("failing: 3 polls in a row; last error:"
                + " organisation 'moonshotai' not found or private (HTTP 404); check `org:`");
        assertThat(rows.get(1).get("errorCount").asInt()).isEqualTo(3);
        assertThat(rows.get(2).get("status").asText()).isEqualTo("new");
        assertThat(rows.get(2).get("lastFetchAt").isNull()).isTrue();
    }

    @Test
    void sources_table_saysNeedsAttention() {
        assertThat(run("sources")).isZero();

        assertThat(out.toString()).contains("needs attention: failing: 3 polls in a row");
    }

    @Test
    void exportOpml_printsFeedAndReleaseFeedUrls() {
        assertThat(run("sources", "export-opml")).isZero();

        assertThat(out.toString()).contains(
                "<outline type=\"rss\" text=\"qwen-blog\" xmlUrl=\"https://qwenlm.github.io/blog/index.xml\"/>",
                "<outline type=\"rss\" text=\"gh-qwen3\" xmlUrl=\"https://github.com/QwenLM/Qwen3/releases.atom\"/>")
                .doesNotContain("moonshotai");
    }

    @Test
    void importOpml_appendsNewFeedsAndSkipsKnownAndBadOnes() throws Exception {
        Path opml = dir.resolve("reader.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>My feeds</title></head><body>
                  <outline text="AI labs">
                    <outline type="rss" text="Qwen Blog" xmlUrl="https://qwenlm.github.io/blog/index.xml"/>
                    <outline type="rss" text="Qwen Blog" xmlUrl="https://qwen.example/feed.xml"/>
                    <outline type="rss" title="OpenAI News" xmlUrl="https://openai.com/news/rss.xml"/>
                    <outline type="rss" text="Local" xmlUrl="file:/etc/passwd"/>
                  </outline>
                </body></opml>
                """);

        assertThat(run("sources", "import-opml", opml.toString())).isZero();

        assertThat(out.toString()).contains("skipped 'Qwen Blog': https://qwenlm.github.io/blog/index.xml is already"
                + " a source", "added qwen-blog-2 <- https://qwen.example/feed.xml",
                "added openai-news <- https://openai.com/news/rss.xml",
                "skipped 'Local': xmlUrl 'file:/etc/passwd' is not an http(s) URL", "2 source(s) added to");
        assertThat(Files.readString(dir.resolve("feeds.yml"))).startsWith(FEEDS).endsWith("""
                  # imported from reader.opml
                  - id: qwen-blog-2
                    kind: feed
                    url: "https://qwen.example/feed.xml"
                    every: 1h
                  - id: openai-news
                    kind: feed
                    url: "https://openai.com/news/rss.xml"
                    every: 1h
                """);
    }
}
