package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.detect.ReleaseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 ("events --explain shows the evidence that set each date"): the lab's own post and a news story give
 * two days for one release; the command names the post that set the date, the rule that put it first, and all
 * the evidence by strength. The feeds are invented for this test.
 */
class EventsExplainCommandTest {
    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void archive() throws Exception {
        Files.copy(Path.of("config/labs.yml"), dir.resolve("labs.yml"));
        Files.writeString(dir.resolve("collide.yml"), "http:\n  maxRetries: 0\n");
        db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Files.writeString(dir.resolve("deepseek.atom"), """
                <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>DeepSeek</title><id>ds</id>
                <updated>2031-03-04T10:00:00Z</updated><entry><title>DeepSeek V9 is out</title><id>v9</id>
                <updated>2031-03-04T10:00:00Z</updated>
                <summary>Today we release DeepSeek V9, our new open model.</summary></entry></feed>""");
        Files.writeString(dir.resolve("wire.rss"), """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
                <item><title>A busy week for open models</title><guid>w1</guid>
                <pubDate>Sun, 09 Mar 2031 09:00:00 GMT</pubDate>
                <description>DeepSeek shipped DeepSeek V9 on March 2, a week after its rivals.</description></item>
                </channel></rss>""");
        Files.writeString(dir.resolve("feeds.yml"), "sources:\n  - id: deepseek\n    kind: feed\n    lab: deepseek\n"
                + "    url: file:" + dir.resolve("deepseek.atom") + "\n  - id: wire\n    kind: feed\n"
                + "    url: file:" + dir.resolve("wire.rss") + "\n");
        assertThat(run("fetch", "--no-deliver")).startsWith("0:");
    }

    @Test
    void explain_ownPostAndEarlierNewsStory_showsThePostThatSetTheDateAndTheRule() {
        String id = ReleaseEvent.idFor("deepseek", "deepseek-v9");

        String result = run("events", "--explain", id).replaceAll("mention \\d+", "mention N");

        assertThat(result).isEqualTo("0:deepseek DeepSeek V9 (" + id + ")\n"
                + "dated 2031-03-04, set by the lab's own post \"DeepSeek V9 is out\" (deepseek, mention N): states"
                + " 2031-03-04 (day); rule: the lab's own post or hub record over a third party over news story"
                + " \"A busy week for open models\" (wire, mention N): states 2031-03-02 (day)\n"
                + "evidence, strongest first:\n"
                + "  the lab's own post \"DeepSeek V9 is out\" (deepseek, mention N): states 2031-03-04 (day)\n"
                + "  news story \"A busy week for open models\" (wire, mention N): states 2031-03-02 (day)\n");
    }

    @Test
    void explain_unknownId_exitsTwoAndSaysWhereIdsAre() {
        String result = run("events", "--explain", "0123456789abcdef");

        assertThat(result).isEqualTo("2:no release event with id '0123456789abcdef' (see collide events)\n");
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
