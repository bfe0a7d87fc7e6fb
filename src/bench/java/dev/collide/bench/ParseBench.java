package dev.collide.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.collide.source.FeedParser;
import dev.collide.source.ParseResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Parse throughput on one 20-item, ~18 KB RSS feed, single thread: the product's {@link FeedParser} against a bare
 * StAX pass over the same bytes (the limit: no objects built) and Rome used naively (a new SyndFeedInput and
 * XmlReader per feed). Each is measured in interleaved rounds; the best round counts. A last row parses the same
 * items as JSON Feed 1.1 through the same {@link FeedParser#parse} (issue #16).
 */
public final class ParseBench {
    private static final int ROUNDS = 5;
    private final Duration warmUp;
    private final Duration measure;

    public ParseBench(Duration warmUp, Duration measure) {
        this.warmUp = warmUp;
        this.measure = measure;
    }

    /** Something a parse produced, so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Parse {
        int parse(byte[] body) throws Exception;
    }

    public List<BenchRow> run() throws Exception {
        byte[] body = FeedFarm.feed(7, 1).getBytes(StandardCharsets.UTF_8);
        XMLInputFactory stax = XMLInputFactory.newFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Parse bare = b -> {
            XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(b));
            int n = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.CHARACTERS) {
                    n += r.getTextLength();
                }
            }
            r.close();
            return n;
        };
        Parse naive = b -> {
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(b)));
            return feed.getEntries().size();
        };
        FeedParser parser = new FeedParser();
        Parse product = b -> {
            ParseResult result = parser.parse("bench", b, Optional.of("application/rss+xml; charset=utf-8"),
                    Optional.empty());
            if (!(result instanceof ParseResult.Parsed parsed) || parsed.feed().articles().size() != FeedFarm.ITEMS) {
                throw new IllegalStateException("the benchmark feed did not parse: " + result);
            }
            return parsed.feed().articles().size();
        };
        byte[] jsonBody = FeedFarm.jsonFeed(7, 1).getBytes(StandardCharsets.UTF_8);
        // ignores the RSS bytes every parse is handed: it reads the JSON twin of the same feed
        Parse jsonFeed = b -> {
            ParseResult result = parser.parse("bench", jsonBody, Optional.of("application/feed+json"),
                    Optional.empty());
            if (!(result instanceof ParseResult.Parsed parsed) || parsed.feed().articles().size() != FeedFarm.ITEMS) {
                throw new IllegalStateException("the benchmark JSON Feed did not parse: " + result);
            }
            return parsed.feed().articles().size();
        };
        List<Parse> parsers = List.of(bare, naive, product, jsonFeed);
        double[] best = new double[parsers.size()];
        for (Parse parse : parsers) {
            rate(parse, body, warmUp);
        }
        // interleaved rounds, best of each: the machine is shared, and load comes and goes
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < parsers.size(); i++) {
                best[i] = Math.max(best[i], rate(parsers.get(i), body, measure.dividedBy(ROUNDS)));
            }
        }
        double staxRate = best[0];
        double naiveRate = best[1];
        double productRate = best[2];
        double jsonRate = best[3];
        String size = String.format("%d items, %.1f KB", FeedFarm.ITEMS, body.length / 1024.0);
        return List.of(
                new BenchRow("parse: feeds/s, 1 thread (" + size + ")", String.format("%,.0f", productRate),
                        String.format("%,.0f naive Rome", naiveRate), String.format(
                        "target >= 2x naive Rome: %.2fx; %.0f%% of the StAX limit", productRate / naiveRate,
                        100 * productRate / staxRate)),
                new BenchRow("parse: bare StAX pass (the limit)", "-", String.format("%,.0f", staxRate),
                        String.format("%.0f MB/s", staxRate * body.length / 1e6)),
                new BenchRow(String.format("parse: JSON Feed feeds/s, 1 thread (same items, %.1f KB)",
                        jsonBody.length / 1024.0), String.format("%,.0f", jsonRate),
                        String.format("%,.0f RSS", productRate), String.format("%.2fx the RSS path",
                        jsonRate / productRate)));
    }

    private static double rate(Parse parse, byte[] body, Duration time) throws Exception {
        long sink = 0;
        long count = 0;
        long t0 = System.nanoTime();
        long end = t0 + time.toNanos();
        long now;
        do {
            sink += parse.parse(body);
            count++;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print("");
        }
        return count / ((now - t0) / 1e9);
    }
}
