package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 1: the real MiniMax and Z.ai release-notes feeds (../shared/corpus/formats, read at test time) give
 * every entry the same link and its own id; each entry is an article of its own.
 */
class SharedLinkFeedsTest {
    private static final Path FORMATS = Path.of("../shared/corpus/formats");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T08:00:00Z"), ZoneOffset.UTC);

    private Collide collide;

    private static SourceConfig source(String id, String file, Optional<String> lab) {
        Path feed = FORMATS.resolve(file);
        if (!Files.isReadable(feed)) {
            dev.collide.RequiredService.missing("skipped: the shared corpus feed " + feed.toAbsolutePath()
                + " is not here");
        }
        return new SourceConfig(id, SourceKind.FEED, feed.toAbsolutePath().toUri(), Duration.ofMinutes(30), true, lab,
                Map.of(), 1);
    }

    @BeforeEach
    void open() throws Exception {
        CollideConfig labsOnly = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        CollideConfig config = new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()), labsOnly.detection(), labsOnly.http(),
                labsOnly.notifications(), labsOnly.server(), labsOnly.labs(), labsOnly.conferences(),
                List.of());
        collide = Collide.open(config, CLOCK);
    }

    @AfterEach
    void close() {
        collide.close();
    }

    @Test
    void poll_minimaxEntriesShareOneLink_storesAll19() throws Exception {
        SourceReport report = collide.pipeline().poll(source("minimax-news", "scraped-minimax-blog.atom",
                Optional.empty()));

        assertThat(report.seen()).isEqualTo(19);
        assertThat(report.stored()).isEqualTo(19);
        assertThat(collide.articles().count()).isEqualTo(19);
    }

    @Test
    void poll_zaiEntriesShareOneLink_storesAll16() throws Exception {
        SourceReport report = collide.pipeline().poll(source("zai-news", "scraped-z-ai-blog.atom",
                Optional.empty()));

        assertThat(report.seen()).isEqualTo(16);
        assertThat(report.stored()).isEqualTo(16);
        assertThat(collide.articles().count()).isEqualTo(16);
    }

    @Test
    void poll_labSourceAfterAnotherSourceHadTheLink_keepsEveryLabPost() throws Exception {
        collide.pipeline().poll(source("aggregator", "scraped-minimax-blog.atom", Optional.empty()));

        SourceReport lab = collide.pipeline().poll(source("minimax-blog", "scraped-minimax-blog.atom",
                Optional.of("minimax")));

        assertThat(lab.stored()).isEqualTo(19);
        assertThat(lab.sameLink()).isZero();
        assertThat(collide.articles().count()).isEqualTo(38);
    }

    @Test
    void poll_newsSourceRepeatingAnotherSourcesLink_reportsTheSkipped() throws Exception {
        collide.pipeline().poll(source("minimax-blog", "scraped-minimax-blog.atom", Optional.of("minimax")));

        SourceReport copy = collide.pipeline().poll(source("aggregator", "scraped-minimax-blog.atom",
                Optional.empty()));

        assertThat(copy.stored()).isZero();
        assertThat(copy.sameLink()).isEqualTo(19);
        assertThat(copy.line()).endsWith("19 items, 0 new, 19 skipped: same link as another source's article");
    }
}
