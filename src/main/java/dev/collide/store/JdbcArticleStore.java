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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Articles with what was extracted from them, stored once: unique by source + guid and by canonical URL. */
public final class JdbcArticleStore {
    static final int MAX_TITLE = 4000;
    static final int MAX_BODY = 200_000;

    private final DataSource dataSource;
    /** The archive, when known: its search index serves H2's full-text search (issue 18). */
    private final Optional<Database> database;

    /** On H2, full-text search reads the table (fine for tests and small archives); see the other constructor. */
    public JdbcArticleStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.database = Optional.empty();
    }

    /** The product's store: on H2, full-text search goes through the archive's search index. */
    public JdbcArticleStore(Database database) {
        this.dataSource = database.dataSource();
        this.database = Optional.of(database);
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
                List<SaveOutcome> outcomes = insertUnlessKnown(c, batch, fetchedAt);
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
     * The duplicate checks for the whole batch in two indexed look-ups (guid keys, then the URL keys of the news
     * articles), then one batched insert per table (issue 18: per-item statements were most of a fetch's time).
     */
    static List<SaveOutcome> insertUnlessKnown(Connection c, List<NewArticle> batch, Instant fetchedAt)
            throws SQLException {
        List<String> guidKeys = new ArrayList<>(batch.size());
        Map<String, List<String>> guidKeysBySource = new HashMap<>();
        for (NewArticle a : batch) {
            guidKeys.add(a.guidKey());
            guidKeysBySource.computeIfAbsent(a.article().sourceId(), k -> new ArrayList<>()).add(a.guidKey());
        }
        Set<String> taken = new HashSet<>();
        for (var source : guidKeysBySource.entrySet()) {
            taken.addAll(knownGuidKeys(c, source.getKey(), source.getValue()));
        }
        List<Optional<String>> urlKeys = new ArrayList<>(batch.size());
        List<String> newsUrlKeys = new ArrayList<>();
        for (NewArticle a : batch) {
            Optional<String> urlKey = a.urlKey();
            urlKeys.add(urlKey);
            if (!isLabsOwn(a.article()) && urlKey.isPresent()) {
                newsUrlKeys.add(urlKey.get());
            }
        }
        // url key -> a source holding it; only another source's article makes a news item a duplicate
        Map<String, List<String>> urlHolders = new HashMap<>();
        if (!newsUrlKeys.isEmpty()) {
            for (String row : existing(c, URL_KEYS, null, newsUrlKeys, 2, "\n")) {
                int cut = row.indexOf('\n');
                urlHolders.computeIfAbsent(row.substring(0, cut), k -> new ArrayList<>()).add(row.substring(cut + 1));
            }
        }
        List<SaveOutcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
        List<Integer> toInsert = new ArrayList<>();
        Map<String, String> urlsInBatch = new HashMap<>(); // news url key -> source, for two sources in one batch
        for (int i = 0; i < batch.size(); i++) {
            Article article = batch.get(i).article();
            if (!taken.add(guidKeys.get(i))) {
                outcomes.set(i, new SaveOutcome.AlreadyStored()); // stored before, or twice in this batch
                continue;
            }
            Optional<String> urlKey = urlKeys.get(i);
            if (!isLabsOwn(article) && urlKey.isPresent()) {
                Optional<String> other = urlHolders.getOrDefault(urlKey.get(), List.of()).stream()
                        .filter(source -> !source.equals(article.sourceId())).findFirst();
                String earlier = urlsInBatch.get(urlKey.get());
                if (other.isEmpty() && earlier != null && !earlier.equals(article.sourceId())) {
                    other = Optional.of(earlier);
                }
                if (other.isPresent()) {
                    outcomes.set(i, new SaveOutcome.SameLink(other.get()));
                    continue;
                }
            }
            urlKey.ifPresent(k -> urlsInBatch.putIfAbsent(k, article.sourceId()));
            toInsert.add(i);
        }
        if (toInsert.isEmpty()) {
            return outcomes;
        }
        long[] ids = insertArticles(c, batch, toInsert, guidKeys, urlKeys, fetchedAt);
        insertMentions(c, batch, toInsert, ids);
        insertCoReleases(c, batch, toInsert, ids);
        for (int k = 0; k < toInsert.size(); k++) {
            outcomes.set(toInsert.get(k), new SaveOutcome.Stored(ids[k]));
        }
        return outcomes;
    }

    private static boolean isLabsOwn(Article article) {
        return article.lab().isPresent() || article.kind() != ArticleKind.NEWS;
    }

    /** Whether this guid of this source is stored already (cheap check before extraction). */
    public boolean contains(String sourceId, String guid) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            return !knownGuidKeys(c, sourceId, List.of(Keys.guidKey(sourceId, guid))).isEmpty();
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
    }

    /**
     * The guids of {@code articles} (all of one poll) that are stored already, in one look-up per
     * {@link #LOOKUP_CHUNK}: the pipeline extracts only the rest.
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
                for (String key : knownGuidKeys(c, source.getKey(), source.getValue())) {
                    known.add(guidByKey.get(key));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
    }

    // Look-ups by IN lists of 64-bit key prefixes (migration V11): the guid's within its source on the unique index
    // articles_source_guid_hash, the URL's on articles_url_hash. H2 answers "guid_key = ? OR url_key = ?" with a
    // table scan, 27 s for a 10,000-item feed (issue 17). Rows come back with their full keys, which the callers
    // compare, so a shared prefix is never taken for a match.
    static final String GUID_KEYS = "SELECT guid_key FROM articles WHERE source_id = ? AND guid_hash IN (%s)";
    static final String URL_KEYS = "SELECT url_key, source_id FROM articles WHERE url_hash IN (%s)";
    /** Keys per look-up: one statement for a usual feed, and well under any driver's parameter limit. */
    static final int LOOKUP_CHUNK = 500;

    /** Which of {@code keys} (guid keys of {@code sourceId}) are stored. */
    private static List<String> knownGuidKeys(Connection c, String sourceId, List<String> keys) throws SQLException {
        Set<String> wanted = new HashSet<>(keys);
        List<String> found = new ArrayList<>();
        for (String key : existing(c, GUID_KEYS, sourceId, keys, 1, null)) {
            if (wanted.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /**
     * Runs {@code template} over the 64-bit prefixes of {@code keys} in chunks, after {@code sourceId} when it is
     * not null; returns the first column of each row, or the first {@code columns} columns joined by
     * {@code separator}.
     */
    private static List<String> existing(Connection c, String template, String sourceId, List<String> keys,
                                         int columns, String separator) throws SQLException {
        List<String> found = new ArrayList<>();
        List<Long> hashes = keys.stream().map(Keys::hash64).distinct().toList();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<Long> chunk = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK));
            String sql = String.format(template, String.join(", ", Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (sourceId != null) {
                    ps.setString(p++, sourceId);
                }
                for (long hash : chunk) {
                    ps.setLong(p++, hash);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(columns == 1 ? rs.getString(1) : rs.getString(1) + separator + rs.getString(2));
                    }
                }
            }
        }
        return found;
    }

    /** Inserts the articles at {@code rows} of {@code batch} in one JDBC batch; returns their ids in that order. */
    private static long[] insertArticles(Connection c, List<NewArticle> batch, List<Integer> rows,
                                         List<String> guidKeys, List<Optional<String>> urlKeys, Instant fetchedAt)
            throws SQLException {
        String sql = """
                INSERT INTO articles (source_id, guid, guid_key, url, url_key, title, body, published_at, fetched_at,
                                      kind, lab, tags, fingerprint, guid_hash, url_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i : rows) {
                Article a = batch.get(i).article();
                ps.setString(1, a.sourceId());
                ps.setString(2, Sql.cut(a.guid(), 2000));
                ps.setString(3, guidKeys.get(i));
                Sql.setString(ps, 4, a.link().map(URI::toString).map(s -> Sql.cut(s, 4000)));
                Sql.setString(ps, 5, urlKeys.get(i));
                ps.setString(6, Sql.cut(a.title(), MAX_TITLE));
                ps.setString(7, Sql.cut(a.text(), MAX_BODY));
                Sql.setInstant(ps, 8, a.publishedAt());
                Sql.setInstant(ps, 9, fetchedAt);
                ps.setString(10, a.kind().name());
                Sql.setString(ps, 11, a.lab());
                ps.setString(12, Sql.cut(String.join(",", a.tags()), 4000));
                ps.setLong(13, batch.get(i).fingerprint());
                ps.setLong(14, Keys.hash64(guidKeys.get(i)));
                if (urlKeys.get(i).isPresent()) {
                    ps.setLong(15, Keys.hash64(urlKeys.get(i).get()));
                } else {
                    ps.setNull(15, java.sql.Types.BIGINT);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            long[] ids = new long[rows.size()];
            int n = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next() && n < ids.length) {
                    ids[n++] = keys.getLong(1);
                }
            }
            if (n != ids.length) {
                throw new SQLException("the driver returned " + n + " generated ids for " + ids.length + " rows");
            }
            return ids;
        }
    }

    private static void insertMentions(Connection c, List<NewArticle> batch, List<Integer> rows, long[] ids)
            throws SQLException {
        String sql = """
                INSERT INTO mentions (article_id, lab, model_id, model, family, is_release, release_date, precision,
                                      release_at, confidence, evidence, date_from_article)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < rows.size(); k++) {
                for (Mention m : batch.get(rows.get(k)).extraction().mentions()) {
                    ps.setLong(1, ids[k]);
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
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void insertCoReleases(Connection c, List<NewArticle> batch, List<Integer> rows, long[] ids)
            throws SQLException {
        String sql = """
                INSERT INTO co_releases (article_id, lab_a, family_a, lab_b, family_b, max_gap_days, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?)""";
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < rows.size(); k++) {
                for (CoRelease co : batch.get(rows.get(k)).extraction().coReleases()) {
                    ps.setLong(1, ids[k]);
                    ps.setString(2, co.labA());
                    ps.setString(3, Sql.cut(co.familyA(), 300));
                    ps.setString(4, co.labB());
                    ps.setString(5, Sql.cut(co.familyB(), 300));
                    ps.setInt(6, co.maxGapDays());
                    ps.setString(7, Sql.cut(co.evidence(), 4000));
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
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
            if (q.text().isPresent() && !postgres && TextWords.of(q.text().get()).isEmpty()) {
                return List.of(); // punctuation only: no word to find, as plainto_tsquery finds none
            }
            Optional<List<Long>> hits = q.text().isPresent() && !postgres ? indexHits(q) : Optional.empty();
            if (hits.isPresent()) {
                // the index applied every filter and the window: what is left is reading the rows, newest first
                if (hits.get().isEmpty()) {
                    return List.of();
                }
                return readInOrder(c, hits.get());
            }
            sql.append(" WHERE 1 = 1");
            if (q.text().isPresent() && postgres) {
                // the same expression as the GIN index articles_fulltext
                sql.append(" AND to_tsvector('simple', p.title || ' ' || p.body) @@ plainto_tsquery('simple', ?)");
                args.add(q.text().get());
            } else if (q.text().isPresent()) {
                // H2 without its index (another process holds it, or a server over TCP): every word, in the table
                for (String word : TextWords.of(q.text().get())) {
                    sql.append(" AND (LOWER(p.title) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(p.body) LIKE ? "
                            + Sql.LIKE_ESCAPE + ")");
                    String like = Sql.containsPattern(word);
                    args.add(like);
                    args.add(like);
                }
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

    /** The index's answer for a text query on H2, or empty when this store has no index to ask. */
    private Optional<List<Long>> indexHits(ArchiveQuery q) throws StoreException {
        if (database.isEmpty()) {
            return Optional.empty();
        }
        Optional<ArticleSearchIndex> index = database.get().searchIndex();
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> from = q.since().map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
        Optional<Long> until = q.until().map(d -> d.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .toEpochMilli());
        return Optional.of(index.get().search(q.text().get(), q.lab(), from, until, q.limit(), q.offset()));
    }

    private static List<StoredArticle> readInOrder(Connection c, List<Long> ids) throws SQLException {
        String sql = "SELECT a.id, a.source_id, a.guid, a.url, a.title, a.body, a.published_at, a.fetched_at,"
                + " a.kind, a.lab FROM articles a WHERE a.id IN (" + String.join(", ", Collections.nCopies(ids.size(),
                "?")) + ")";
        Map<Long, StoredArticle> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredArticle a = read(rs);
                    byId.put(a.id(), a);
                }
            }
        }
        List<StoredArticle> result = new ArrayList<>(ids.size());
        for (long id : ids) {
            StoredArticle a = byId.get(id);
            if (a != null) {
                result.add(a);
            }
        }
        return result;
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
