package dev.collide.store;

import dev.collide.extract.Extraction;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.JdbcArticleStore.NewArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Reads every stored article again with the extractor of this version and replaces its mentions and co-releases
 * (after an upgrade, the archive's evidence is what the current extractor reads, not what an older one did). A page
 * of articles at a time, in id order, each page one transaction: a run cut off leaves every article's evidence from
 * one extractor or the other, never half of each, and a second run finishes the job. The replaced rows are new
 * evidence for detection.
 */
final class ArticleRereads {
    private final DataSource dataSource;
    private final int pageSize;

    ArticleRereads(DataSource dataSource, int pageSize) {
        this.dataSource = dataSource;
        this.pageSize = pageSize;
    }

    RereadReport rereadAll(Function<Article, Extraction> extractor) throws SQLException {
        long after = 0;
        long articles = 0;
        long mentionsBefore = 0;
        long mentionsAfter = 0;
        while (true) {
            List<Long> ids = new ArrayList<>(pageSize);
            List<NewArticle> page = new ArrayList<>(pageSize);
            try (Connection c = dataSource.getConnection()) {
                readPage(c, after, ids, page);
            }
            if (ids.isEmpty()) {
                return new RereadReport(articles, mentionsBefore, mentionsAfter);
            }
            List<NewArticle> extracted = new ArrayList<>(page.size());
            for (NewArticle a : page) {
                // extraction outside the transaction: the daemon's writer is not held up by the extractor
                Extraction now = extractor.apply(a.article());
                extracted.add(new NewArticle(a.article(), a.fingerprint(), now, "", Optional.empty()));
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    mentionsBefore += delete(c, "mentions", ids);
                    delete(c, "co_releases", ids);
                    long[] rowIds = ids.stream().mapToLong(Long::longValue).toArray();
                    List<Integer> rows = new ArrayList<>(ids.size());
                    for (int k = 0; k < ids.size(); k++) {
                        rows.add(k);
                    }
                    ArticleInserts.insertMentions(c, extracted, rows, rowIds);
                    ArticleInserts.insertCoReleases(c, extracted, rows, rowIds);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
            for (NewArticle a : extracted) {
                mentionsAfter += a.extraction().mentions().size();
            }
            articles += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    private void readPage(Connection c, long after, List<Long> ids, List<NewArticle> page) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, source_id, guid, url, title, body, published_at, kind, lab, tags, fingerprint
                FROM articles WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY""")) {
            ps.setLong(1, after);
            ps.setInt(2, pageSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tags = rs.getString("tags");
                    Article article = new Article(rs.getString("source_id"), rs.getString("guid"),
                            link(rs.getString("url")), rs.getString("title"), rs.getString("body"),
                            Sql.instant(rs, "published_at"), ArticleKind.valueOf(rs.getString("kind")),
                            Optional.ofNullable(rs.getString("lab")),
                            tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")));
                    ids.add(rs.getLong("id"));
                    page.add(new NewArticle(article, rs.getLong("fingerprint"), Extraction.EMPTY, "",
                            Optional.empty())); // the keys are not needed: nothing is inserted into articles
                }
            }
        }
    }

    /** A stored link, or none where it no longer parses (it was stored as text). */
    private static Optional<URI> link(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int delete(Connection c, String table, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE article_id IN ("
                + EventWriter.placeholders(ids.size()) + ")")) {
            for (int k = 0; k < ids.size(); k++) {
                ps.setLong(k + 1, ids.get(k));
            }
            return ps.executeUpdate();
        }
    }
}
