package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: H2's full-text search in a Lucene index beside the file. It is derived from the articles table, so it
 * must catch up with what others stored, never answer with another database's ids, and step aside (the table
 * answers) when another process holds it.
 */
class ArticleSearchIndexTest {
    static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    @TempDir
    Path dir;

    private DatabaseConfig file() {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("collide").toAbsolutePath(), Optional.empty(),
                Optional.empty());
    }

    private static Article article(String guid, String title) {
        return new Article("wire", guid, Optional.of(URI.create("https://wire.example/" + guid)), title, "body",
                Optional.of(NOW), ArticleKind.NEWS, Optional.empty(), List.of());
    }

    private static List<String> guids(JdbcArticleStore store, String q) throws StoreException {
        return store.search(new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(q), 10,
                0)).stream().map(StoredArticle::guid).toList();
    }

    @Test
    void articlesStoredWithoutTheIndex_areFoundAfterReopening() throws Exception {
        try (Database db = Database.open(file())) {
            var store = new JdbcArticleStore(db);
            store.save(article("one", "alpha release notes"), 1, Extraction.EMPTY, NOW);
            assertThat(guids(store, "alpha")).containsExactly("one");
        }
        assertThat(dir.resolve("collide.search")).isDirectory();
        try (Database db = Database.open(file())) {
            // another writer that knows nothing of the index (an older version, a cluster peer, a script)
            new JdbcArticleStore(db.dataSource()).save(article("two", "alpha again"), 2, Extraction.EMPTY, NOW);
        }
        try (Database db = Database.open(file())) {
            assertThat(guids(new JdbcArticleStore(db), "alpha")).containsExactlyInAnyOrder("one", "two");
        }
    }

    @Test
    void search_afterABackgroundCatchUp_findsWhatItIndexed() throws Exception {
        try (Database db = Database.open(file())) {
            var store = new JdbcArticleStore(db);
            store.save(article("one", "alpha release notes"), 1, Extraction.EMPTY, NOW);
            assertThat(guids(store, "alpha")).containsExactly("one");
            new JdbcArticleStore(db.dataSource()).save(article("two", "alpha again"), 2, Extraction.EMPTY, NOW);
            db.searchIndex().orElseThrow().catchUp(); // what the indexer does after a writer's commit

            assertThat(guids(store, "alpha")).containsExactly("two", "one");
        }
    }

    @Test
    void indexOfAnotherDatabase_isRebuilt_notBelieved() throws Exception {
        try (Database db = Database.open(file())) {
            var store = new JdbcArticleStore(db);
            store.save(article("old", "alpha from the old archive"), 1, Extraction.EMPTY, NOW);
            assertThat(guids(store, "alpha")).containsExactly("old");
        }
        // the database file replaced (a restore, a copy), the index left beside it
        Files.delete(dir.resolve("collide.mv.db"));
        try (Database db = Database.open(file())) {
            var store = new JdbcArticleStore(db);
            store.save(article("new", "beta in the new archive"), 1, Extraction.EMPTY, NOW);

            assertThat(guids(store, "alpha")).isEmpty();
            assertThat(guids(store, "beta")).containsExactly("new");
        }
    }

    @Test
    void indexHeldByAnotherProcess_searchReadsTheTable() throws Exception {
        Path index = dir.resolve("collide.search");
        Files.createDirectories(index);
        try (var held = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(new StandardAnalyzer()));
             Database db = Database.open(file())) {
            var store = new JdbcArticleStore(db);
            store.save(article("one", "gamma weights"), 1, Extraction.EMPTY, NOW);
            store.save(article("two", "100% gamma"), 2, Extraction.EMPTY, NOW);

            assertThat(guids(store, "gamma")).containsExactly("two", "one");
            assertThat(guids(store, "%")).isEmpty();
            assertThat(held.isOpen()).isTrue();
        }
    }
}
