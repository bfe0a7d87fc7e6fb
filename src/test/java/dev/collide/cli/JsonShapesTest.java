package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.web.Archive;
import dev.collide.web.ArchiveServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 9: {@code --format json} and {@code --format csv} print what the API answers for the same archive,
 * from the same view records and CSV writer.
 */
class JsonShapesTest {
    private static final Instant DETECTED = Instant.parse("2026-04-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String dbUrl;
    private Database db;
    private ArchiveServer server;

    @BeforeEach
    void fill() throws Exception {
        dbUrl = "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(new DatabaseConfig(dbUrl, Optional.empty(), Optional.empty()));
        var articles = new JdbcArticleStore(db.dataSource());
        var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of()));
        save(articles, "DeepSeek ships V4", "https://wire.example/deepseek-v4", "deepseek", "deepseek-v4",
                "DeepSeek V4", LocalDate.of(2026, 4, 24));
        save(articles, "-Moonshot releases Kimi K2.6", "https://wire.example/kimi-k2.6", "moonshot", "kimi-k2.6",
                "=Kimi K2.6", LocalDate.of(2026, 4, 25));
        var built = new EventBuilder().build(events.loadReleaseEvidence());
        events.saveDetection(built, new CollisionDetector(DetectionConfig.defaults()).detect(built,
                events.loadCoReleases()), DETECTED);
        server = ArchiveServer.start("127.0.0.1", 0, new Archive(new JdbcArchiveReader(db.dataSource()), articles,
                new JdbcSourceStateStore(db.dataSource()), new JdbcArchiveStats(db.dataSource()), List.of()),
                Clock.fixed(DETECTED, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        server.close();
        db.close();
    }

    private static void save(JdbcArticleStore articles, String title, String url, String lab, String family,
                             String model, LocalDate day) throws Exception {
        var article = new Article("wire", url, Optional.of(URI.create(url)), title, "", Optional.of(DETECTED),
                ArticleKind.NEWS, Optional.empty(), List.of());
        articles.save(article, url.hashCode(), new Extraction(List.of(new Mention(lab, family, model, family, true,
                ReleaseDate.ofDay(day), 0.9, model + " was released")), List.of()), DETECTED);
    }

    private String cli(String... args) {
        var cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of("--config", "config", "--db", dbUrl));
        all.addAll(List.of(args));
        assertThat(cli.execute(all.toArray(String[]::new))).isZero();
        return out.toString();
    }

    private String api(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @ParameterizedTest
    @CsvSource({"collisions, /api/collisions", "events, /api/events", "articles, /api/articles"})
    void json_listing_isTheApisItems(String command, String path) throws Exception {
        JsonNode cli = JSON.readTree(cli(command, "--format", "json"));

        assertThat(cli).isEqualTo(JSON.readTree(api(path)).get("items"));
    }

    @ParameterizedTest
    @CsvSource({"collisions", "collisions --window 3d"})
    void csv_collisions_isTheApisCsv(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--format", "csv"));

        String csv = cli(args.toArray(String[]::new));

        String api = api("/api/collisions.csv");
        assertThat(csv).contains(",'=Kimi K2.6,");
        assertThat(command.contains("--window") ? csv.lines().findFirst() : Optional.of(csv))
                .contains(command.contains("--window") ? api.lines().findFirst().orElseThrow() : api);
    }
}
