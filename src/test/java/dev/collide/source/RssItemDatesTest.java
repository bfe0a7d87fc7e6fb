package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RssItemDatesTest {
    private static ParseResult.Parsed parse(String pubDate) {
        String rss = """
                <rss version="2.0"><channel><title>t</title><link>https://lab.example/</link>
                <item><title>a</title><guid>a</guid><pubDate>%s</pubDate></item></channel></rss>""".formatted(pubDate);
        return (ParseResult.Parsed) new FeedParser().parse("lab", rss.getBytes(StandardCharsets.UTF_8),
                Optional.empty(), Optional.empty());
    }

    @Test
    void parse_rfc1123PubDate_readAheadOfRomeToTheSameInstant() {
        var feed = parse("Sat, 25 Apr 2026 08:00:00 GMT").feed();

        assertThat(feed.articles().get(0).publishedAt()).contains(Instant.parse("2026-04-25T08:00:00Z"));
    }

    @Test
    void parse_pubDateWithZoneName_leftToRome() {
        var feed = parse("Sat, 25 Apr 2026 08:00:00 EST").feed();

        assertThat(feed.articles().get(0).publishedAt()).contains(Instant.parse("2026-04-25T13:00:00Z"));
    }
}
