package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.detect.ReleaseEvent;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store contract on in-memory H2, plus the archive search and evidence checks. */
class H2StoresTest extends StoreContractTest {
    @Override
    DatabaseConfig newDatabase() {
        return new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
    }

    @Test
    void find_byLabAndDate_returnsMatchingArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);

        var found = articles.search(new ArchiveQuery(Optional.of(LocalDate.of(2026, 4, 25)),
                Optional.of(LocalDate.of(2026, 4, 25)), Optional.of("moonshot"), Optional.empty(), 10, 0));

        assertThat(found).extracting(StoredArticle::guid).containsExactly("g2");
    }

    @Test
    void evidence_listsMentionsWithArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        detect(NOW);

        List<StoredEvidence> evidence = events.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v4"));

        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.link()).contains(URI.create("https://wire.example/1"));
            assertThat(e.sentence()).isEqualTo("deepseek-v4 was released");
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 4, 24));
        });
    }
}
