package dev.collide.store;

import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/** Articles with what was extracted from them, stored once: unique by source + guid and by canonical URL. */
public final class JdbcArticleStore {
    /** Articles per transaction when re-reading the archive: bounded memory, short locks. */
    private static final int REREAD_PAGE = 500;
    private final DataSource dataSource;
    /** The archive, when known: its search index serves H2's full-text search (issue 18). */
    private final Optional<Database> database;
    private final ArticleSearch search;

    /** On H2, full-text search reads the table (fine for tests and small archives); see the other constructor. */
    public JdbcArticleStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.database = Optional.empty();
        this.search = new ArticleSearch(dataSource, database);
    }

    /** The product's store: on H2, full-text search goes through the archive's search index. */
    public JdbcArticleStore(Database database) {
        this.dataSource = database.dataSource();
        this.database = Optional.of(database);
        this.search = new ArticleSearch(dataSource, this.database);
    }

    /**
     * Stores the article, its mentions and co-releases in one transaction. Returns the new id, or empty when the
     * article was skipped as a duplicate (see {@link #store}); then nothing is written.
     */
    public Optional<Long> save(Article article, long fingerprint, Extraction extraction, Instant fetchedAt)
            throws StoreException {
        return store(article, fingerprint, extraction, fetchedAt) instanceof SaveOutcome.Stored s
                ? Optional.of(s.id()) : Optional.empty();
    }

    /**
     * Stores the article, its mentions and co-releases in one transaction, unless it is a duplicate: the same
     * source + guid stored already, or (for an article that is not a lab's own, issue 17) an article of another
     * source with the same canonical URL. Within one source, distinct guids are distinct articles whatever their
     * links; a lab's own post is never dropped for a URL another source had first.
     */
    public SaveOutcome store(Article article, long fingerprint, Extraction extraction, Instant fetchedAt)
            throws StoreException {
        return storeAll(List.of(new NewArticle(article, fingerprint, extraction)), fetchedAt).get(0);
    }

    /** A writer of polls into this store's database: the pipeline's, one per process (issue 18). */
    public ArchiveWriter newWriter() {
        return new ArchiveWriter(dataSource, () -> database.ifPresent(Database::articlesStored));
    }

    /**
     * One article to store with what was extracted from it, and its de-duplication keys: hashed where the record is
     * made (a poller's thread), not on the one writer's (issue 18: SHA-256 was a tenth of the writer's time).
     */
    public record NewArticle(Article article, long fingerprint, Extraction extraction, String guidKey,
                             Optional<String> urlKey) {
        public NewArticle(Article article, long fingerprint, Extraction extraction) {
            this(article, fingerprint, extraction, Keys.guidKey(article.sourceId(), article.guid()),
                    Keys.urlKey(article.link()));
        }
    }

    /**
     * As {@link #store}, for many articles in one transaction (one commit per poll instead of one per item: with
     * H2's WRITE_DELAY 0 every commit writes to the file). The outcomes come in the order of {@code batch}. When
     * another node or thread stores one of them at the same time, the batch is rolled back and stored one by one.
     */
    public List<SaveOutcome> storeAll(List<NewArticle> batch, Instant fetchedAt) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<SaveOutcome> outcomes = ArticleInserts.insertUnlessKnown(c, batch, fetchedAt);
                c.commit();
                return outcomes;
            } catch (SQLException e) {
                c.rollback();
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                if (batch.size() == 1) {
                    return List.of(new SaveOutcome.AlreadyStored()); // another node or thread stored it first
                }
                List<SaveOutcome> outcomes = new ArrayList<>(batch.size());
                for (NewArticle a : batch) {
                    outcomes.add(storeAll(List.of(a), fetchedAt).get(0));
                }
                return outcomes;
            }
        } catch (SQLException e) {
            String what = batch.size() == 1 ? "article " + batch.get(0).article().guid() + " of source "
                    + batch.get(0).article().sourceId() : batch.size() + " articles";
            throw new StoreException("could not store " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every stored article again with {@code extractor} and replaces its mentions and co-releases, a page of
     * articles per transaction (see {@link ArticleRereads}). Detection must run in full afterwards.
     */
    public RereadReport rereadAll(Function<Article, Extraction> extractor) throws StoreException {
        try {
            return new ArticleRereads(dataSource, REREAD_PAGE).rereadAll(extractor);
        } catch (SQLException e) {
            throw new StoreException("could not re-read the stored articles: " + e.getMessage()
                    + " (the articles re-read so far keep their new evidence; run the command again to finish)", e);
        }
    }

    /** Whether this guid of this source is stored already (cheap check before extraction). */
    public boolean contains(String sourceId, String guid) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            return !ArticleLookups.knownGuidKeys(c, sourceId, List.of(Keys.guidKey(sourceId, guid))).isEmpty();
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
    }

    /**
     * The guids of {@code articles} (all of one poll) that are stored already, in one look-up per
     * {@link ArticleLookups#LOOKUP_CHUNK}: the pipeline extracts only the rest.
     */
    public Set<String> knownGuids(List<Article> articles) throws StoreException {
        Map<String, String> guidByKey = new HashMap<>();
        Map<String, List<String>> keysBySource = new HashMap<>();
        for (Article a : articles) {
            String key = Keys.guidKey(a.sourceId(), a.guid());
            guidByKey.put(key, a.guid());
            keysBySource.computeIfAbsent(a.sourceId(), k -> new ArrayList<>()).add(key);
        }
        try (Connection c = dataSource.getConnection()) {
            Set<String> known = new HashSet<>();
            for (var source : keysBySource.entrySet()) {
                for (String key : ArticleLookups.knownGuidKeys(c, source.getKey(), source.getValue())) {
                    known.add(guidByKey.get(key));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
    }

    /**
     * The archive's article listing (CLI and HTTP API): {@code lab} keeps articles of that lab or mentioning it;
     * {@code text} is a full-text search over title and body, every word must occur; newest first (see
     * {@link ArticleSearch}).
     */
    public List<StoredArticle> search(ArchiveQuery q) throws StoreException {
        return search.search(q);
    }

    public long count() throws StoreException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("could not count articles: " + e.getMessage(), e);
        }
    }
}
