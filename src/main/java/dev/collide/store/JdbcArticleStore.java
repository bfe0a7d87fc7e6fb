package dev.collide.store;

import dev.collide.extract.CoRelease;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Articles with what was extracted from them, stored once: unique by source + guid and by canonical URL. */
public final class JdbcArticleStore {
    static final int MAX_TITLE = 4000;
    static final int MAX_BODY = 200_000;

    private final DataSource dataSource;

    public JdbcArticleStore(DataSource dataSource) {
        this.dataSource = dataSource;
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

    /** One article to store with what was extracted from it. */
    public record NewArticle(Article article, long fingerprint, Extraction extraction) {
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
                List<SaveOutcome> outcomes = new ArrayList<>(batch.size());
                for (NewArticle a : batch) {
                    outcomes.add(insertUnlessKnown(c, a, fetchedAt));
                }
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

    private static SaveOutcome insertUnlessKnown(Connection c, NewArticle a, Instant fetchedAt) throws SQLException {
        Article article = a.article();
        String guidKey = Keys.guidKey(article.sourceId(), article.guid());
        if (hasGuid(c, guidKey)) {
            return new SaveOutcome.AlreadyStored();
        }
        Optional<String> urlKey = Keys.urlKey(article.link());
        boolean labsOwn = article.lab().isPresent() || article.kind() != ArticleKind.NEWS;
        Optional<String> other = labsOwn || urlKey.isEmpty() ? Optional.empty()
                : otherSourceWithUrl(c, urlKey.get(), article.sourceId());
        if (other.isPresent()) {
            return new SaveOutcome.SameLink(other.get());
        }
        long id = insertArticle(c, article, guidKey, urlKey, a.fingerprint(), fetchedAt);
        insertMentions(c, id, a.extraction().mentions());
        insertCoReleases(c, id, a.extraction().coReleases());
        return new SaveOutcome.Stored(id);
    }

    /** Whether this guid of this source is stored already (cheap check before extraction). */
    public boolean contains(String sourceId, String guid) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            return hasGuid(c, Keys.guidKey(sourceId, guid));
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
    }

    // Two lookups, each on its own index (articles_guid_key, articles_url): H2 answers "guid_key = ? OR
    // url_key = ?" with a table scan, 27 s for a 10,000-item feed (issue 17)
    static final String GUID_LOOKUP = "SELECT 1 FROM articles WHERE guid_key = ?";
    static final String URL_LOOKUP = "SELECT source_id FROM articles WHERE url_key = ? AND source_id <> ?"
            + " FETCH FIRST 1 ROWS ONLY";

    private static boolean hasGuid(Connection c, String guidKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GUID_LOOKUP)) {
            ps.setString(1, guidKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<String> otherSourceWithUrl(Connection c, String urlKey, String sourceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(URL_LOOKUP)) {
            ps.setString(1, urlKey);
            ps.setString(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static long insertArticle(Connection c, Article a, String guidKey, Optional<String> urlKey,
                                      long fingerprint, Instant fetchedAt) throws SQLException {
        String sql = """
                INSERT INTO articles (source_id, guid, guid_key, url, url_key, title, body, published_at, fetched_at,
                                      kind, lab, tags, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, a.sourceId());
            ps.setString(2, Sql.cut(a.guid(), 2000));
            ps.setString(3, guidKey);
            Sql.setString(ps, 4, a.link().map(URI::toString).map(s -> Sql.cut(s, 4000)));
            Sql.setString(ps, 5, urlKey);
            ps.setString(6, Sql.cut(a.title(), MAX_TITLE));
            ps.setString(7, Sql.cut(a.text(), MAX_BODY));
            Sql.setInstant(ps, 8, a.publishedAt());
            Sql.setInstant(ps, 9, fetchedAt);
            ps.setString(10, a.kind().name());
            Sql.setString(ps, 11, a.lab());
            ps.setString(12, Sql.cut(String.join(",", a.tags()), 4000));
            ps.setLong(13, fingerprint);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertMentions(Connection c, long articleId, List<Mention> mentions) throws SQLException {
        String sql = """
                INSERT INTO mentions (article_id, lab, model_id, model, family, is_release, release_date, precision,
                                      release_at, confidence, evidence, date_from_article)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Mention m : mentions) {
                ps.setLong(1, articleId);
                ps.setString(2, m.lab());
                ps.setString(3, Sql.cut(m.modelId(), 300));
                ps.setString(4, Sql.cut(m.model(), 300));
                ps.setString(5, Sql.cut(m.family(), 300));
                ps.setBoolean(6, m.release());
                ps.setObject(7, m.date().date());
                ps.setString(8, m.date().precision().name());
                Sql.setInstant(ps, 9, m.date().instant());
                ps.setDouble(10, m.confidence());
                ps.setString(11, Sql.cut(m.evidence(), 4000));
                ps.setBoolean(12, m.dateFromArticle());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertCoReleases(Connection c, long articleId, List<CoRelease> coReleases)
            throws SQLException {
        String sql = """
                INSERT INTO co_releases (article_id, lab_a, family_a, lab_b, family_b, max_gap_days, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (CoRelease co : coReleases) {
                ps.setLong(1, articleId);
                ps.setString(2, co.labA());
                ps.setString(3, Sql.cut(co.familyA(), 300));
                ps.setString(4, co.labB());
                ps.setString(5, Sql.cut(co.familyB(), 300));
                ps.setInt(6, co.maxGapDays());
                ps.setString(7, Sql.cut(co.evidence(), 4000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The archive's article listing (CLI and HTTP API): {@code lab} keeps articles of that lab or mentioning it;
     * {@code text} is a full-text search over title and body (H2's FullText, or PostgreSQL's {@code to_tsvector};
     * every word must occur), and dates filter on the indexed {@code sort_at} column (V3). Newest first.
     */
    public List<StoredArticle> search(ArchiveQuery q) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
            // Two steps in one statement: the inner query pages through ids on the covering index articles_sort
            // (sort_at, id, lab) and the mentions index, reading no article row that is not on the page; the
            // outer query then reads the (at most limit) rows. Bodies can be large, so this matters.
            StringBuilder sql = new StringBuilder("SELECT a.id, a.source_id, a.guid, a.url, a.title, a.body,"
                    + " a.published_at, a.fetched_at, a.kind, a.lab FROM (SELECT p.id, p.sort_at FROM articles p");
            List<Object> args = new ArrayList<>();
            if (q.text().isPresent() && !postgres) {
                // FT_SEARCH_DATA(text, limit 0 = all, offset 0) returns the primary key of each matching row
                sql.append(" JOIN FT_SEARCH_DATA(?, 0, 0) ft ON ft.\"TABLE\" = 'ARTICLES'"
                        + " AND p.id = CAST(ft.KEYS[1] AS BIGINT)");
                args.add(q.text().get());
            }
            sql.append(" WHERE 1 = 1");
            if (q.text().isPresent() && postgres) {
                // the same expression as the GIN index articles_fulltext
                sql.append(" AND to_tsvector('simple', p.title || ' ' || p.body) @@ plainto_tsquery('simple', ?)");
                args.add(q.text().get());
            }
            q.since().ifPresent(d -> {
                sql.append(" AND p.sort_at >= ?");
                args.add(d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            });
            q.until().ifPresent(d -> {
                sql.append(" AND p.sort_at < ?");
                args.add(d.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            });
            q.lab().ifPresent(lab -> {
                sql.append(" AND (p.lab = ? OR EXISTS (SELECT 1 FROM mentions m WHERE m.lab = ?"
                        + " AND m.article_id = p.id))");
                args.add(lab);
                args.add(lab);
            });
            sql.append(" ORDER BY p.sort_at DESC, p.id DESC LIMIT ? OFFSET ?) page JOIN articles a ON a.id = page.id"
                    + " ORDER BY page.sort_at DESC, page.id DESC");
            args.add(q.limit());
            args.add(q.offset());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<StoredArticle> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(read(rs));
                    }
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("could not search articles: " + e.getMessage(), e);
        }
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

    static StoredArticle read(ResultSet rs) throws SQLException {
        String url = rs.getString("url");
        return new StoredArticle(rs.getLong("id"), rs.getString("source_id"), rs.getString("guid"),
                Optional.ofNullable(url).map(URI::create), rs.getString("title"), rs.getString("body"),
                Sql.instant(rs, "published_at"), Sql.instant(rs, "fetched_at").orElseThrow(),
                ArticleKind.valueOf(rs.getString("kind")), Optional.ofNullable(rs.getString("lab")));
    }

}
