package dev.collide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.collide.store.Backups;
import dev.collide.store.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8: the real daemon ({@code collide run}) in a child JVM, killed with SIGKILL mid-fetch and mid-delivery,
 * then restarted on the same H2 file. Nothing may be lost or stored twice; an alert acknowledged by Slack is never
 * sent again, an unacknowledged one in flight at most once more. Child output: target/crash-safety/*.log.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashSafetyTest {
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final int ITEMS = 30;
    private static final String SLACK_PATH = "/services/T0/B0/crash";
    private static final Pattern COLLISION_LINK = Pattern.compile("/collisions/([0-9a-zA-Z_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One release per line: feed, lab, model, date, the item's position in its feed. */
    private record Release(String feed, String lab, String model, LocalDate date, int position) {
    }

    private static final List<String[]> FEEDS = List.of(
            new String[] {"deepseek-news", "deepseek"}, new String[] {"moonshot-blog", "moonshot"},
            new String[] {"qwen-blog", "qwen"}, new String[] {"zai-blog", "zhipu"},
            new String[] {"minimax-news", "minimax"}, new String[] {"mistral-news", "mistral"});

    // four collisions: deepseek/moonshot (same day), qwen/zhipu (1 day), minimax/mistral (2 days),
    // deepseek/qwen (1 day); Kimi K10 stands alone (nothing within the 7-day window)
    private static final List<Release> RELEASES = List.of(
            new Release("deepseek-news", "deepseek", "DeepSeek V9", LocalDate.of(2025, 3, 3), 3),
            new Release("moonshot-blog", "moonshot", "Kimi K9", LocalDate.of(2025, 3, 3), 14),
            new Release("qwen-blog", "qwen", "Qwen9", LocalDate.of(2025, 5, 12), 25),
            new Release("zai-blog", "zhipu", "GLM-9", LocalDate.of(2025, 5, 13), 7),
            new Release("minimax-news", "minimax", "MiniMax-M9", LocalDate.of(2025, 8, 4), 19),
            new Release("mistral-news", "mistral", "Magistral 9", LocalDate.of(2025, 8, 6), 28),
            new Release("deepseek-news", "deepseek", "DeepSeek R9", LocalDate.of(2025, 10, 6), 21),
            new Release("qwen-blog", "qwen", "Qwen10", LocalDate.of(2025, 10, 7), 9),
            new Release("moonshot-blog", "moonshot", "Kimi K10", LocalDate.of(2025, 11, 20), 2));
    private static final Set<String> EXPECTED_COLLISIONS = Set.of("deepseek/moonshot 2025-03-03 2025-03-03",
            "qwen/zhipu 2025-05-12 2025-05-13", "minimax/mistral 2025-08-04 2025-08-06",
            "deepseek/qwen 2025-10-06 2025-10-07");

    @TempDir
    Path dir;

    private WireMockServer wm;
    private final List<Process> children = new ArrayList<>();
    private Path logDir;
    private String testName;
    private String dbUrl;
    /** PostgreSQL only: the test's schema, its user and password; null on H2. */
    private PostgresTestDatabase pg;

    @BeforeEach
    void start(TestInfo info) throws IOException {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        testName = info.getTestMethod().orElseThrow().getName();
        logDir = Path.of("target", "crash-safety");
        Files.createDirectories(logDir);
        dbUrl = "jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        writeConfig("config", "", "Collide/crash-test");
        StringBuilder feeds = new StringBuilder("sources:\n");
        for (String[] feed : FEEDS) {
            feeds.append("  - id: ").append(feed[0]).append("\n    kind: feed\n    lab: ").append(feed[1])
                    .append("\n    every: 1m\n    url: ").append(wm.baseUrl()).append("/feeds/").append(feed[0])
                    .append(".rss\n");
        }
        Files.writeString(dir.resolve("feeds.yml"), feeds);
    }

    /** config/&lt;name&gt;/collide.yml and labs.yml; {@code database} is extra YAML under database:. */
    private Path writeConfig(String name, String database, String userAgent) throws IOException {
        Path config = Files.createDirectories(dir.resolve(name));
        Files.copy(Path.of("config", "labs.yml"), config.resolve("labs.yml"));
        Files.writeString(config.resolve("collide.yml"), """
                database:
                  backups:
                    keep: 2
                %s
                detection:
                  window: 7d
                  minConfidence: 0.5
                  rivals: [deepseek-moonshot, deepseek-qwen]
                http:
                  connectTimeout: 5s
                  readTimeout: 10s
                  callTimeout: 15s
                  maxRetries: 0
                  perHostConcurrency: 2
                  userAgent: %s
                server:
                  enabled: false
                notify:
                  archiveUrl: http://127.0.0.1:8080
                  timeout: 4s
                  lease: 5s
                  slack:
                    webhookUrl: ${SLACK_WEBHOOK_URL}
                """.formatted(database, userAgent));
        return config;
    }

    @AfterEach
    void stop() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        wm.stop();
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void killDuringFetch_restart_storesEveryItemExactlyOnce() throws Exception {
        // two feeds answer at once, four after a delay; two requests per host at a time, so the kill finds
        // some feeds stored (or being stored) and others still on the wire
        for (int i = 0; i < FEEDS.size(); i++) {
            String id = FEEDS.get(i)[0];
            int delay = i < 2 ? 0 : 1500 + 500 * i;
            wm.stubFor(get(urlPathEqualTo("/feeds/" + id + ".rss")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/rss+xml").withBody(rss(id)).withFixedDelay(delay)));
        }
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(ok("ok")));

        Process first = daemon("run-1");
        awaitUntil("the first feed requests in WireMock's journal", () -> feedRequests() >= 1);
        // then the first stored article (read through AUTO_SERVER): the kill lands while a feed is being stored
        awaitUntil("the first stored article", () -> query("SELECT COUNT(*) FROM articles") > 0);
        int requestsAtKill = feedRequests();
        killHard(first);
        Map<String, Integer> atKill = articlesPerSource();

        Process second = daemon("run-2");
        awaitUntil("every item stored and the collisions detected",
                () -> query("SELECT COUNT(*) FROM articles") == FEEDS.size() * ITEMS
                        && query("SELECT COUNT(*) FROM collisions") >= EXPECTED_COLLISIONS.size());
        stopGracefully(second);

        Map<String, Integer> perGuid = new TreeMap<>();
        try (Connection c = connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT guid, COUNT(*) FROM articles GROUP BY guid")) {
            while (rs.next()) {
                perGuid.put(rs.getString(1), rs.getInt(2));
            }
        }
        System.out.printf("[crash] fetch: %d feed requests at kill, articles per source at kill %s, after restart"
                        + " %s, %d distinct guids, collisions %s%n", requestsAtKill, atKill, articlesPerSource(),
                perGuid.size(), collisions());
        assertThat(perGuid.keySet()).isEqualTo(allGuids());
        assertThat(perGuid.values()).containsOnly(1);
        assertThat(articlesPerSource()).containsOnlyKeys(FEEDS.stream().map(f -> f[0]).toList())
                .allSatisfy((source, count) -> assertThat(count).isEqualTo(ITEMS));
        assertThat(collisions()).containsExactlyInAnyOrderElementsOf(EXPECTED_COLLISIONS);
        // the daemon backs up its embedded file at start, beside it (database.backups); a kill never leaves a
        // half-written file under a backup's name
        assertThat(Backups.list(dir.resolve("backups"))).isNotEmpty()
                .allSatisfy(backup -> assertThat(new GZIPInputStream(Files.newInputStream(backup)).readAllBytes())
                        .asString(StandardCharsets.UTF_8).contains("CREATE CACHED TABLE \"PUBLIC\".\"ARTICLES\""));
    }

    @Test
    void killDuringSlackPost_restart_sendsEveryAlertAndNoAcknowledgedOneTwice() throws Exception {
        for (String[] feed : FEEDS) {
            wm.stubFor(get(urlPathEqualTo("/feeds/" + feed[0] + ".rss")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/rss+xml").withBody(rss(feed[0]))));
        }
        // Slack acknowledges the first two posts at once and keeps the third waiting: the kill lands in it
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("ok")).willSetStateTo("one"));
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).inScenario("slack").whenScenarioStateIs("one")
                .willReturn(ok("ok")).willSetStateTo("slow"));
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).inScenario("slack").whenScenarioStateIs("slow")
                .willReturn(ok("ok").withFixedDelay(3000)));
        // `collide fetch` fills the archive and the outbox first, so the daemon's first delivery run has work
        // (--no-deliver: fetch would otherwise deliver them itself, issue #14)
        Process fetch = child(dir.resolve("config"), "fetch", List.of("fetch", "--no-deliver"));
        assertThat(fetch.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("fetch finished").isTrue();
        assertThat(fetch.exitValue()).as("fetch exit code, see " + log("fetch")).isZero();
        Map<Long, String[]> rows = outboxRows();
        assertThat(rows).as("outbox rows after fetch").hasSizeGreaterThanOrEqualTo(3);

        Process first = daemon("run-1");
        awaitUntil("the third Slack post in WireMock's journal", () -> slackPosts().size() >= 3);
        killHard(first);
        List<String> postedBeforeKill = slackPosts();
        // Slack's side: the posts answered 200 at once (the client had the answer before it sent the next one);
        // the last post got no answer before the kill
        List<String> acknowledgedBySlack = postedBeforeKill.subList(0, 2);
        String inFlight = postedBeforeKill.get(2);
        Map<Long, String[]> atKill = outboxRows();
        Set<Long> sentAtKill = atKill.entrySet().stream().filter(e -> e.getValue()[2].equals("SENT"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<Long> claimed = atKill.entrySet().stream().filter(e -> e.getValue()[2].equals("SENDING"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));

        wm.resetScenarios();
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).atPriority(1).willReturn(ok("ok")));
        Process second = daemon("run-2");
        awaitUntil("every outbox row SENT", () -> query("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'") == 0);
        stopGracefully(second);

        // a Slack message names its collision by the archive link and its change by the headline
        Map<String, Long> postsPerMessage = slackPosts().stream().collect(Collectors.groupingBy(k -> k,
                TreeMap::new, Collectors.counting()));
        Map<String, Long> beforeKill = postedBeforeKill.stream().collect(Collectors.groupingBy(k -> k,
                TreeMap::new, Collectors.counting()));
        Map<Long, String[]> done = outboxRows();
        System.out.printf("[crash] delivery: %d outbox rows; Slack posts before kill %s (first two answered 200,"
                        + " third in flight); outbox at kill: SENT %s, SENDING %s; all posts per message %s%n",
                done.size(), postedBeforeKill, sentAtKill, claimed, postsPerMessage);
        assertThat(done.values()).allSatisfy(row -> assertThat(row[2]).isEqualTo("SENT"));
        Map<String, Long> rowsPerMessage = done.values().stream().collect(Collectors.groupingBy(
                row -> row[0] + " " + row[1], Collectors.counting()));
        assertThat(rowsPerMessage.values()).as("one outbox row per (collision, change)").containsOnly(1L);
        assertThat(postsPerMessage.keySet()).as("every outbox row reached Slack").isEqualTo(rowsPerMessage.keySet());
        assertThat(acknowledgedBySlack).doesNotHaveDuplicates().doesNotContain(inFlight);
        assertThat(sentAtKill.stream().map(id -> atKill.get(id)[0] + " " + atKill.get(id)[1]).toList())
                .as("rows marked SENT in the file at kill time")
                .containsExactlyInAnyOrderElementsOf(acknowledgedBySlack);
        for (String message : rowsPerMessage.keySet()) {
            long total = postsPerMessage.get(message);
            if (acknowledgedBySlack.contains(message)) {
                assertThat(total).as("posts of %s, acknowledged before the kill", message).isEqualTo(1);
            } else if (message.equals(inFlight)) {
                assertThat(total).as("posts of %s, in flight at the kill", message).isEqualTo(2);
            } else {
                assertThat(total).as("posts of %s, not tried before the kill", message).isEqualTo(1);
            }
        }
        assertThat(beforeKill.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    /**
     * Issue #9 with a node that dies rather than stops: two `collide run` nodes on one PostgreSQL archive and Quartz
     * cluster, the first killed with SIGKILL while its fetches are on the wire. The survivor takes over those
     * sources once Quartz's cluster check finds the dead node silent; nothing is lost or stored twice, no alert is
     * sent twice. Skipped with a message when no PostgreSQL is reachable.
     */
    @Test
    void killOneOfTwoPostgresNodes_survivorTakesOverItsSources() throws Exception {
        pg = PostgresTestDatabase.create();
        dbUrl = pg.url();
        String credentials = "  user: " + pg.config().user().orElseThrow() + "\n  password: ${COLLIDE_DB_PASSWORD}";
        Path configA = writeConfig("config-a", credentials, "Collide/node-a");
        Path configB = writeConfig("config-b", credentials, "Collide/node-b");
        // node-a (told apart by its User-Agent) waits 20 s for every feed, so whatever it asked for is still on the
        // wire when it dies, however slowly node-b starts; node-b gets its answers after 1 s
        for (String[] feed : FEEDS) {
            wm.stubFor(get(urlPathEqualTo("/feeds/" + feed[0] + ".rss")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/rss+xml").withBody(rss(feed[0])).withFixedDelay(1000)));
            wm.stubFor(get(urlPathEqualTo("/feeds/" + feed[0] + ".rss")).atPriority(1)
                    .withHeader("User-Agent", containing("node-a")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/rss+xml").withBody(rss(feed[0])).withFixedDelay(20_000)));
        }
        wm.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(ok("ok")));

        Process a = daemonWith(configA, "node-a", "--cluster-checkin", "1s", "--node-id", "node-a");
        awaitUntil("a feed request from node-a", () -> !feedsRequestedBy("node-a").isEmpty());
        Process b = daemonWith(configB, "node-b", "--cluster-checkin", "1s", "--node-id", "node-b");
        Set<String> inFlightAtA = feedsRequestedBy("node-a");
        killHard(a);
        Instant killedAt = Instant.now();
        try {
            awaitUntil("every item stored and the collisions detected by node-b",
                    () -> query("SELECT COUNT(*) FROM articles") == FEEDS.size() * ITEMS
                            && query("SELECT COUNT(*) FROM collisions") >= EXPECTED_COLLISIONS.size());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; killed at " + killedAt + "; articles "
                    + query("SELECT COUNT(*) FROM articles") + "; feed requests " + wm.getAllServeEvents().stream()
                    .filter(x -> feedOf(x) != null).map(x -> feedOf(x) + " " + agent(x) + " "
                            + x.getRequest().getLoggedDate().toInstant()).sorted().toList() + "; " + quartzState());
        }
        awaitUntil("every alert posted", () -> slackPosts().size() >= EXPECTED_COLLISIONS.size());
        Thread.sleep(2000); // a second post of any alert would show within the next delivery run
        stopGracefully(b);

        Map<String, Instant> takenOver = new TreeMap<>();
        for (ServeEvent e : wm.getAllServeEvents()) {
            String feed = feedOf(e);
            Instant at = e.getRequest().getLoggedDate().toInstant();
            if (feed != null && agent(e).contains("node-b") && at.isAfter(killedAt)) {
                takenOver.merge(feed, at, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        Map<String, Long> postsPerMessage = slackPosts().stream().collect(Collectors.groupingBy(k -> k,
                TreeMap::new, Collectors.counting()));
        System.out.printf("[crash] cluster: node-a had %s on the wire at the kill; node-b requested them again after"
                        + " %s; articles %d; collisions %s; Slack posts %s%n", inFlightAtA,
                takenOver.entrySet().stream().filter(e -> inFlightAtA.contains(e.getKey()))
                        .map(e -> e.getKey() + " +" + Duration.between(killedAt, e.getValue()).toMillis() + " ms")
                        .toList(), query("SELECT COUNT(*) FROM articles"), collisions(), postsPerMessage);
        assertThat(takenOver.keySet()).as("node-b fetched what node-a had on the wire").containsAll(inFlightAtA);
        Map<String, Integer> perGuid = new TreeMap<>();
        try (Connection c = connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT guid, COUNT(*) FROM articles GROUP BY guid")) {
            while (rs.next()) {
                perGuid.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(perGuid.keySet()).isEqualTo(allGuids());
        assertThat(perGuid.values()).containsOnly(1);
        assertThat(collisions()).containsExactlyInAnyOrderElementsOf(EXPECTED_COLLISIONS);
        assertThat(postsPerMessage).hasSize(EXPECTED_COLLISIONS.size());
        assertThat(postsPerMessage.values()).as("each alert posted once").containsOnly(1L);
    }

    /** For a failure message: the nodes, the jobs they run and the triggers' states. */
    private String quartzState() {
        StringBuilder sb = new StringBuilder();
        for (String sql : new String[] {"SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state",
                "SELECT instance_name, trigger_name, state, fired_time FROM qrtz_fired_triggers",
                "SELECT trigger_name, trigger_state, next_fire_time FROM qrtz_triggers"}) {
            try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
                sb.append("\n").append(sql).append(":");
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    sb.append("\n  ");
                    for (int i = 1; i <= n; i++) {
                        sb.append(rs.getString(i)).append(" | ");
                    }
                }
            } catch (SQLException e) {
                sb.append("\n").append(sql).append(": ").append(e.getMessage());
            }
        }
        return sb.toString();
    }

    private Set<String> feedsRequestedBy(String node) {
        return wm.getAllServeEvents().stream().filter(e -> feedOf(e) != null && agent(e).contains(node))
                .map(CrashSafetyTest::feedOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String feedOf(ServeEvent e) {
        String url = e.getRequest().getUrl();
        return url.startsWith("/feeds/") ? url.substring("/feeds/".length(), url.length() - ".rss".length()) : null;
    }

    private static String agent(ServeEvent e) {
        String ua = e.getRequest().getHeader("User-Agent");
        return ua == null ? "" : ua;
    }

    // ---- the child JVM

    private Process daemon(String name, String... options) throws Exception {
        return daemonWith(dir.resolve("config"), name, options);
    }

    private Process daemonWith(Path config, String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(options));
        Process p = child(config, name, args);
        awaitUntil(name + " running", () -> log(name).contains("collide: running with") || !p.isAlive());
        assertThat(p.isAlive()).as(name + " alive, see " + logDir.resolve(testName + "-" + name + ".log")).isTrue();
        return p;
    }

    private Process child(String name, String command) throws IOException {
        return child(dir.resolve("config"), name, List.of(command));
    }

    private Process child(Path config, String name, List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dcollide.log.level=INFO", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.collide.cli.Main",
                "--config", config.toString(), "--feeds", dir.resolve("feeds.yml").toString(), "--db", dbUrl));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logDir.resolve(testName + "-" + name + ".log").toFile());
        pb.environment().put("SLACK_WEBHOOK_URL", wm.baseUrl() + SLACK_PATH);
        if (pg != null) {
            pb.environment().put("COLLIDE_DB_PASSWORD", pg.config().password().orElseThrow().reveal());
        }
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private String log(String name) {
        try {
            return Files.readString(logDir.resolve(testName + "-" + name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGKILL: on Linux destroyForcibly() sends signal 9, which the exit code 128 + 9 confirms. */
    private static void killHard(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit code after SIGKILL").isEqualTo(137);
    }

    /** SIGTERM: the shutdown hook stops the scheduler and closes the database. */
    private static void stopGracefully(Process p) throws InterruptedException {
        p.destroy();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("daemon stopped after SIGTERM").isTrue();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    // ---- what the world saw

    private int feedRequests() {
        return (int) wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/feeds/")).count();
    }

    /** One key per Slack POST, oldest first: "<collision id> <change>". */
    private List<String> slackPosts() {
        List<ServeEvent> posts = new ArrayList<>(wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(SLACK_PATH)).toList());
        posts.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<String> keys = new ArrayList<>();
        for (ServeEvent post : posts) {
            try {
                var root = JSON.readTree(post.getRequest().getBodyAsString());
                String text = root.path("text").asText() + " " + root.path("blocks").toString();
                Matcher m = COLLISION_LINK.matcher(text);
                assertThat(m.find()).as("collision link in " + text).isTrue();
                String headline = root.path("blocks").path(0).path("text").path("text").asText();
                String change = headline.startsWith("Collision updated") ? "UPDATED"
                        : headline.startsWith("Collision retracted") ? "RETRACTED" : "CREATED";
                keys.add(m.group(1) + " " + change);
            } catch (IOException e) {
                throw new AssertionError("Slack body is not JSON: " + post.getRequest().getBodyAsString(), e);
            }
        }
        return keys;
    }

    // ---- what the archive holds (AUTO_SERVER lets us read while the daemon runs)

    private Connection connect() throws SQLException {
        return pg == null ? DriverManager.getConnection(dbUrl) : DriverManager.getConnection(dbUrl,
                pg.config().user().orElseThrow(), pg.config().password().orElseThrow().reveal());
    }

    private int query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1; // the daemon may be between migrations; ask again
        }
    }

    private Map<String, Integer> articlesPerSource() throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT source_id, COUNT(*) FROM articles GROUP BY source_id")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private List<String> collisions() throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT lab_a, lab_b, date_a, date_b FROM collisions WHERE status <> 'RETRACTED'")) {
            while (rs.next()) {
                String a = rs.getString(1) + " " + rs.getDate(3);
                String b = rs.getString(2) + " " + rs.getDate(4);
                List<String> pair = new ArrayList<>(List.of(a, b));
                pair.sort(null);
                result.add(pair.get(0).split(" ")[0] + "/" + pair.get(1).split(" ")[0] + " "
                        + pair.get(0).split(" ")[1] + " " + pair.get(1).split(" ")[1]);
            }
        }
        return result;
    }

    /** id -> [subject id, change, status] of the Slack rows. */
    private Map<Long, String[]> outboxRows() throws SQLException {
        Map<Long, String[]> rows = new TreeMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id, subject_id, change, status FROM outbox WHERE channel = 'slack'")) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return rows;
    }

    // ---- the feeds

    private static Set<String> allGuids() {
        Set<String> guids = new TreeSet<>();
        for (String[] feed : FEEDS) {
            for (int i = 0; i < ITEMS; i++) {
                guids.add(guid(feed[0], i));
            }
        }
        return guids;
    }

    private static String guid(String feed, int i) {
        return "https://" + feed + ".example/posts/" + i;
    }

    /** 30 items: the feed's releases at their positions, team news (no model, no date in the text) elsewhere. */
    private static String rss(String feed) {
        Map<Integer, Release> releases = new HashMap<>();
        RELEASES.stream().filter(r -> r.feed().equals(feed)).forEach(r -> releases.put(r.position(), r));
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link>
                <description>Generated for CrashSafetyTest</description>
                """.formatted(feed, feed));
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
        for (int i = 0; i < ITEMS; i++) {
            Release r = releases.get(i);
            String title = r != null ? r.model() + " is here" : "Team notes, week " + (i + 1);
            String text = r != null ? "Today we release " + r.model() + ", our newest open-weight model, with"
                    + " weights and a technical report." : "Week " + (i + 1) + " at the office: the reading group met"
                    + " on Tuesday and discussed item " + i + " of the " + feed + " backlog.";
            LocalDate date = r != null ? r.date() : LocalDate.of(2024, 1, 1).plusDays(7L * i);
            xml.append("<item><title>").append(title).append("</title><link>").append(guid(feed, i))
                    .append("</link><guid>").append(guid(feed, i)).append("</guid><pubDate>")
                    .append(rfc1123.format(date.atTime(9, 0).atOffset(ZoneOffset.UTC))).append("</pubDate>")
                    .append("<description>").append(text).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }
}
