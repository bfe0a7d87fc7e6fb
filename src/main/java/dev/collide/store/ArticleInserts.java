package dev.collide.store;

import dev.collide.extract.CoRelease;
import dev.collide.extract.Mention;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.JdbcArticleStore.NewArticle;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a batch of new articles with their mentions and co-releases on the caller's connection and transaction,
 * skipping the duplicates (used by {@link JdbcArticleStore#storeAll} and by {@link ArchiveWriter}).
 */
final class ArticleInserts {
    static final int MAX_TITLE = 4000;
    static final int MAX_BODY = 200_000;

    private ArticleInserts() {
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
            taken.addAll(ArticleLookups.knownGuidKeys(c, source.getKey(), source.getValue()));
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
        Map<String, List<String>> urlHolders = newsUrlKeys.isEmpty() ? Map.of()
                : ArticleLookups.urlHolders(c, newsUrlKeys);
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

    static void insertMentions(Connection c, List<NewArticle> batch, List<Integer> rows, long[] ids)
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

    static void insertCoReleases(Connection c, List<NewArticle> batch, List<Integer> rows, long[] ids)
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
}
