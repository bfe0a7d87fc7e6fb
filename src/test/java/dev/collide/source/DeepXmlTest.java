package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 17 item 4: nesting is bounded before JDOM and Rome recurse over it. */
class DeepXmlTest {
    private final FeedParser parser = new FeedParser();

    static byte[] nested(int levels) {
        var xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                + "<guid>g</guid><description>");
        xml.append("<div>".repeat(levels)).append("deep").append("</div>".repeat(levels));
        return xml.append("</description></item></channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses on a thread with the small-node stack (-Xss512k), where 2,000 levels overflowed the stack. */
    private Object parseOnSmallStack(byte[] body) throws InterruptedException {
        var outcome = new AtomicReference<Object>();
        Thread worker = new Thread(null, () -> {
            try {
                outcome.set(parser.parse("deep", body, Optional.empty(), Optional.empty()));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 512 * 1024);
        worker.start();
        worker.join();
        return outcome.get();
    }

    @Test
    @Timeout(30)
    void parse_twoThousandNestedElements_isRejectedNotThrown() throws InterruptedException {
        Object outcome = parseOnSmallStack(nested(2_000));

        assertThat(outcome).isEqualTo(new ParseResult.Rejected("document refused: elements nested more than 256 "
                + "deep (at offset 1353); no feed needs that, so the publisher's feed is broken or hostile"));
    }

    @Test
    @Timeout(30)
    void parse_twoHundredThousandNestedElements_isRejected() throws InterruptedException {
        Object outcome = parseOnSmallStack(nested(200_000));

        assertThat(outcome).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) outcome).reason()).startsWith("document refused: elements nested more "
                + "than 256 deep");
    }

    @Test
    void parse_nestingJustWithinTheLimit_isRead() throws InterruptedException {
        // rss, channel, item, description and 252 divs: 256 levels
        Object outcome = parseOnSmallStack(nested(252));

        assertThat(outcome).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) outcome).feed().articles()).extracting(Article::text)
                .containsExactly("deep");
    }

    @Test
    void check_commentsCdataAndQuotedBracketsDoNotCount() {
        String xml = "<a x='>' y=\"<!--\"><!-- <b><b><b> --><![CDATA[<c><c>]]><?pi <d>?><e/></a>";
        var limits = new XmlLimits();

        assertThat(limits.check(xml)).isEmpty();
        assertThat(limits.check("<a>".repeat(XmlLimits.MAX_DEPTH + 1))).isPresent();
        assertThat(limits.check("<a/>".repeat(XmlLimits.MAX_ELEMENTS + 1))).contains("document refused: more than "
                + "1000000 elements; split the feed or ask the publisher for a shorter one");
    }
}
