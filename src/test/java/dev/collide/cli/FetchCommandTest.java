package dev.collide.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14 item 5: fetch prints each failure once, a totals line, exits 1 when all failed, and delivers. */
@WireMockTest
class FetchCommandTest {
    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void config(WireMockRuntimeInfo wm) throws Exception {
        Files.copy(Path.of("config/labs.yml"), dir.resolve("labs.yml"));
        Files.writeString(dir.resolve("collide.yml"), "http:\n  maxRetries: 0\n");
        db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        stubFor(get("/deepseek.atom").willReturn(ok(Files.readString(
                Path.of("src/test/resources/source/deepseek-news-2-entries.atom")))
                .withHeader("Content-Type", "application/atom+xml")));
        stubFor(get("/broken.rss").willReturn(serverError()));
        stubFor(post("/slack").willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private void feeds(WireMockRuntimeInfo wm, String... paths) throws Exception {
        StringBuilder yml = new StringBuilder("sources:\n");
        for (String p : paths) {
            yml.append("  - id: ").append(p.replaceAll("\\W.*", "")).append("\n    kind: feed\n    lab: deepseek\n")
                    .append("    url: ").append(wm.getHttpBaseUrl()).append("/").append(p).append("\n");
        }
        Files.writeString(dir.resolve("feeds.yml"), yml);
    }

    @Test
    void fetch_oneSourceFails_printsTotalsAndExitsZero(WireMockRuntimeInfo wm) throws Exception {
        feeds(wm, "deepseek.atom", "broken.rss");

        String result = run("fetch");

        assertThat(result).startsWith("0:");
        assertThat(result).contains("\n2 sources: 1 ok, 0 unchanged, 1 failed; 2 new items\n");
        assertThat(result.split("HTTP 500", -1)).as("the failure is reported on one line only").hasSize(2);
    }

    @Test
    void fetch_everySourceFails_exitsOne(WireMockRuntimeInfo wm) throws Exception {
        feeds(wm, "broken.rss");

        String result = run("fetch");

        assertThat(result).startsWith("1:").contains("1 sources: 0 ok, 0 unchanged, 1 failed; 0 new items");
    }

    @Test
    void fetch_withSlackConfigured_deliversTheAlertsItCreatedOnce(WireMockRuntimeInfo wm) throws Exception {
        Files.writeString(dir.resolve("collide.yml"), "notify:\n  slack:\n    webhookUrl: ${SLACK_WEBHOOK_URL}\n");
        Files.writeString(dir.resolve("moonshot.rss"), """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Moonshot</title>
                <item><title>Kimi K2.6 released</title><guid>k26</guid><pubDate>Mon, 20 Apr 2026 09:00:00 GMT</pubDate>
                <description>Today we release Kimi K2.6, our new open model.</description></item>
                </channel></rss>""");
        Files.writeString(dir.resolve("deepseek.atom"), """
                <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>DeepSeek</title><id>ds</id>
                <updated>2026-04-24T10:00:00Z</updated><entry><title>DeepSeek V4 Preview is out</title><id>v4</id>
                <updated>2026-04-24T10:00:00Z</updated>
                <summary>Today we open DeepSeek V4 to all as a preview, weights included.</summary></entry></feed>""");
        Files.writeString(dir.resolve("feeds.yml"), "sources:\n  - id: moonshot\n    kind: feed\n    lab: moonshot\n"
                + "    url: file:" + dir.resolve("moonshot.rss") + "\n  - id: deepseek\n    kind: feed\n"
                + "    lab: deepseek\n    url: file:" + dir.resolve("deepseek.atom") + "\n");

        String first = runWithSlack(wm.getHttpBaseUrl() + "/slack");
        String second = runWithSlack(wm.getHttpBaseUrl() + "/slack");

        // the preview title and the plain name in its body are one launch: one collision, one alert
        assertThat(first).startsWith("0:").contains("outbox: 1 sent, 0 to retry, 0 failed");
        assertThat(second).startsWith("0:").contains("outbox: 0 sent");
        verify(1, postRequestedFor(urlEqualTo("/slack")));
    }

    /** A child JVM: the Slack channel is configured through the environment only, as users do. */
    private String runWithSlack(String webhook) throws Exception {
        Path log = Files.createTempFile(dir, "fetch", ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.collide.cli.Main",
                "--config", dir.toString(), "--feeds", dir.resolve("feeds.yml").toString(), "--db", db, "fetch")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SLACK_WEBHOOK_URL", webhook);
        int exit = pb.start().waitFor();
        return exit + ":" + Files.readString(log);
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"--config", dir.toString(), "--feeds", dir.resolve("feeds.yml").toString(),
                "--db", db}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        int exit = cli.execute(all);
        return exit + ":" + out;
    }
}
