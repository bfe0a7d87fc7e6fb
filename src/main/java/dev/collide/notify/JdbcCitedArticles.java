package dev.collide.notify;

import dev.collide.store.Sql;
import dev.collide.store.StoreException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The digest's "most-cited articles": articles fetched in a window, ranked by the release mentions they carry. */
public final class JdbcCitedArticles {
    private final DataSource dataSource;

    public JdbcCitedArticles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Fetched in [{@code from}, {@code to}), most release mentions first, then oldest first. */
    public List<CitedArticle> mostCited(Instant from, Instant to, int limit) throws StoreException {
        String sql = """
                SELECT a.id, a.source_id, a.title, a.url, COUNT(m.id) AS cites
                FROM articles a JOIN mentions m ON m.article_id = a.id AND m.is_release = TRUE
                WHERE a.fetched_at >= ? AND a.fetched_at < ?
                GROUP BY a.id, a.source_id, a.title, a.url
                ORDER BY cites DESC, a.id
                LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, from);
            Sql.setInstant(ps, 2, to);
            ps.setInt(3, limit);
            List<CitedArticle> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<URI> link = Optional.ofNullable(rs.getString("url")).flatMap(JdbcCitedArticles::httpUri);
                    result.add(new CitedArticle(rs.getLong("id"), rs.getString("source_id"), rs.getString("title"),
                            link, rs.getInt("cites")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read the most-cited articles: " + e.getMessage(), e);
        }
    }

    /** Only http(s) links reach a digest; a feed's javascript: URL must not become a clickable link. */
    private static Optional<URI> httpUri(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
