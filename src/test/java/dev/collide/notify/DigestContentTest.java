package dev.collide.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.Lab;
import dev.collide.store.JdbcSourceStateStore;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the digest lists and in which order (issue 14 item 8), on a real H2 archive filled by the real detector. */
class DigestContentTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime AT = LocalTime.of(8, 0);
    /** 25 April 08:00 in Berlin (CEST): the end of the window of the digest dated 25 April. */
    private static final Instant DIGEST_HOUR = Instant.parse("2026-04-25T06:00:00Z");
    private static final List<Lab> LABS = List.of(lab("deepseek", "DeepSeek"), lab("moonshot", "Moonshot AI"),
            lab("alibaba", "Qwen (Alibaba)"), lab("zhipu", "Zhipu AI (Z.ai)"));

    private TestArchive archive;

    @BeforeEach
    void open() throws Exception {
        archive = new TestArchive(List.of(), Set.of());
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private static Lab lab(String id, String name) {
        return new Lab(id, name, List.of(name), List.of(), List.of(), List.of());
    }

    private DigestComposer composer() {
        return new DigestComposer(archive.reader, new JdbcSourceStateStore(archive.db.dataSource()),
                new JdbcCitedArticles(archive.db.dataSource()), URI.create("http://127.0.0.1:8080"), LABS);
    }

    @Test
    void previewNow_firstFetchAfterTheDigestHour_showsWhatItFetched() throws Exception {
        Instant fetched = DIGEST_HOUR.plusSeconds(2 * 3600); // 10:00 in Berlin, an empty archive before
        archive.deepSeekAndKimi(fetched);

        Digest digest = DailyDigest.previewNow(composer(), fetched.plusSeconds(60), AT, BERLIN);

        assertThat(digest.subject()).isEqualTo("Collide digest 2026-04-25: 1 new collision, 2 new releases");
        assertThat(digest.text()).contains("- DeepSeek V4 × Kimi K2.6: ");
    }

    @Test
    void compose_collisions_newestReleaseDateFirst() throws Exception {
        Instant earlier = DIGEST_HOUR.minusSeconds(10 * 3600);
        archive.release("wire", "Qwen 3.5 is out", "https://wire.example/qwen-3.5", "alibaba", "qwen-3.5",
                "Qwen 3.5", LocalDate.of(2026, 4, 10), earlier);
        archive.release("wire", "GLM-5 is out", "https://wire.example/glm-5", "zhipu", "glm-5", "GLM-5",
                LocalDate.of(2026, 4, 11), earlier);
        archive.detect(earlier);
        archive.deepSeekAndKimi(earlier.plusSeconds(3600)); // created later, released later

        String text = DailyDigest.preview(composer(), LocalDate.of(2026, 4, 25), AT, BERLIN).text();

        assertThat(text).containsSubsequence("- DeepSeek V4 × Kimi K2.6: ", "- Qwen 3.5 × GLM-5: ");
    }

    @Test
    void compose_releaseEvents_groupedUnderLabNamesInNameOrder() throws Exception {
        Instant earlier = DIGEST_HOUR.minusSeconds(10 * 3600);
        archive.release("wire", "Qwen 3.5 is out", "https://wire.example/qwen-3.5", "alibaba", "qwen-3.5",
                "Qwen 3.5", LocalDate.of(2026, 4, 10), earlier);
        archive.release("wire", "DeepSeek ships V4", "https://wire.example/deepseek-v4", "deepseek", "deepseek-v4",
                "DeepSeek V4", LocalDate.of(2026, 4, 24), earlier);
        archive.detect(earlier);

        String html = DailyDigest.preview(composer(), LocalDate.of(2026, 4, 25), AT, BERLIN).html();

        assertThat(html).containsSubsequence("<h3>DeepSeek</h3>", "<h3>Qwen (Alibaba)</h3>");
    }

    @Test
    void compose_collisionFacts_nameTheLabsByTheirNames() throws Exception {
        Instant earlier = DIGEST_HOUR.minusSeconds(10 * 3600);
        archive.release("wire", "Qwen 3.5 is out", "https://wire.example/qwen-3.5", "alibaba", "qwen-3.5",
                "Qwen 3.5", LocalDate.of(2026, 4, 23), earlier);
        archive.release("wire", "DeepSeek ships V4", "https://wire.example/deepseek-v4", "deepseek", "deepseek-v4",
                "DeepSeek V4", LocalDate.of(2026, 4, 24), earlier);
        archive.detect(earlier);

        String text = DailyDigest.preview(composer(), LocalDate.of(2026, 4, 25), AT, BERLIN).text();

        assertThat(text).contains("Qwen (Alibaba) 2026-04-23").contains("DeepSeek 2026-04-24")
                .doesNotContain("alibaba 2026-04-23");
    }
}
