package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.CollisionStatus;
import dev.collide.store.HistoryEntry;
import dev.collide.store.StoredCollision;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An archive built by an older extractor (issue 13: "detect --full over an archive built before applies the new
 * rules"): its stored evidence says what that extractor read. Re-reading it with this version's extractor, then
 * detecting in full, retracts the collisions that rested on a misreading and finds those it missed, with the reason
 * in the history. The sentences are the team's own, with invented versions.
 */
class RereadDetectionTest {
    private static final Instant NOW = Instant.parse("2031-03-06T12:00:00Z");

    private static Article story(String guid, String text, LocalDate published) {
        return new Article("wire", guid, Optional.of(URI.create("https://wire.example/" + guid)), "AI roundup",
                text, Optional.of(published.atTime(9, 0).toInstant(ZoneOffset.UTC)), ArticleKind.NEWS,
                Optional.empty(), List.of());
    }

    private static Extraction oldRelease(String lab, String family, LocalDate day, String sentence) {
        return new Extraction(List.of(new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9,
                sentence)), List.of());
    }

    @Test
    void rereadAndDetectAll_archiveOfAnOlderExtractor_retractsItsMisreadingAndFindsWhatItMissed() throws Exception {
        CollideConfig bundled = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        CollideConfig config = new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty()), bundled.detection(), bundled.http(),
                bundled.notifications(), bundled.server(), bundled.labs(), bundled.conferences(), List.of());
        LocalDate march3 = LocalDate.of(2031, 3, 3);
        try (Collide collide = Collide.open(config, Clock.fixed(NOW, ZoneOffset.UTC))) {
            String v9 = "DeepSeek released DeepSeek-V9 on March 3, 2031.";
            collide.articles().save(story("a1", v9, march3), 1, oldRelease("deepseek", "deepseek-v9", march3, v9),
                    NOW);
            // the older extractor took a plan for a release, and missed a real one
            String plan = "On March 4, 2031 Alibaba said it plans to release Qwen9 in a few weeks.";
            collide.articles().save(story("a2", plan, march3.plusDays(1)), 2,
                    oldRelease("qwen", "qwen9", march3.plusDays(1), plan), NOW);
            collide.articles().save(story("a3", "Moonshot AI released Kimi K9 on March 5, 2031.",
                    march3.plusDays(2)), 3, Extraction.EMPTY, NOW);
            collide.pipeline().detectAll();
            assertThat(active(collide)).containsExactly("deepseek-v9 x qwen9");

            Pipeline.Reread r = collide.pipeline().rereadAndDetectAll();

            assertThat(r.reread().articles()).isEqualTo(3);
            assertThat(r.reread().mentionsBefore()).isEqualTo(2);
            assertThat(active(collide)).containsExactly("deepseek-v9 x kimi-k9");
            assertThat(r.detection().retracted()).isEqualTo(1);
            StoredCollision gone = collide.archive().collisions(ArchiveQuery.all(), Optional.empty(), true).stream()
                    .filter(c -> c.status() == CollisionStatus.RETRACTED).findFirst().orElseThrow();
            assertThat(collide.archive().history(gone.id())).extracting(HistoryEntry::change).contains("RETRACTED");
            // the misread plan is no release any more: listed nowhere, though its row stays for that history
            assertThat(collide.archive().events(ArchiveQuery.all())).extracting(e -> e.family())
                    .containsExactlyInAnyOrder("deepseek-v9", "kimi-k9");
            assertThat(collide.archive().eventCountsByLab()).doesNotContainKey("qwen");

            // a second re-read finds the archive as this version left it: nothing moves
            Pipeline.Reread again = collide.pipeline().rereadAndDetectAll();
            assertThat(again.reread().mentionsBefore()).isEqualTo(again.reread().mentionsAfter());
            assertThat(again.detection().created() + again.detection().retracted()).isZero();
        }
    }

    private static List<String> active(Collide collide) throws Exception {
        return collide.archive().collisions(ArchiveQuery.all(), Optional.empty(), false).stream()
                .map(c -> List.of(c.a().family(), c.b().family()).stream().sorted().toList())
                .map(pair -> pair.get(0) + " x " + pair.get(1)).toList();
    }
}
