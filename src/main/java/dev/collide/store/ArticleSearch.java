package dev.collide.store;

import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The archive's article listing and full-text search, behind {@link JdbcArticleStore#search}. */
final class ArticleSearch {
    private final DataSource dataSource;
    /** The archive, when known: its search index serves H2's full-text search (issue 18). */
    private final Optional<Database> database;

    ArticleSearch(DataSource dataSource, Optional<Database> database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    /**
     * The archive's article listing (CLI and HTTP API): {@code lab} keeps articles of that lab or mentioning it;
     * {@code text} is a full-text search over title and body (H2's FullText, or PostgreSQL's {@code to_tsvector};
     * every word must occur), and dates filter on the indexed {@code sort_at} column (V3). Newest first.
     */
    List<StoredArticle> search(ArchiveQuery q) throws StoreException {
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

    static StoredArticle read(ResultSet rs) throws SQLException {
        String url = rs.getString("url");
        return new StoredArticle(rs.getLong("id"), rs.getString("source_id"), rs.getString("guid"),
                Optional.ofNullable(url).map(URI::create), rs.getString("title"), rs.getString("body"),
                Sql.instant(rs, "published_at"), Sql.instant(rs, "fetched_at").orElseThrow(),
                ArticleKind.valueOf(rs.getString("kind")), Optional.ofNullable(rs.getString("lab")));
    }
}
