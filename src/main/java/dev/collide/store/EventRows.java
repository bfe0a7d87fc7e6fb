package dev.collide.store;

import dev.collide.detect.Evidence;
import dev.collide.detect.Tier;
import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Row reading shared by the detection store and the archive reader: events, collisions with their events, release
 * evidence, and one-query lists.
 */
final class EventRows {
    /** The release mentions with their articles; callers append their WHERE and ORDER BY. */
    static final String RELEASE_EVIDENCE_SELECT = """
            SELECT m.id, m.article_id, a.source_id, a.url, a.title, a.kind, m.lab, m.model_id, m.model, m.family,
                   m.release_date, m.precision, m.release_at, m.confidence, m.evidence, a.fingerprint,
                   a.published_at, a.lab AS article_lab, m.date_from_article
            FROM mentions m JOIN articles a ON a.id = m.article_id
            """;

    /** A collision with both its events (columns "a_..." and "b_..."); callers append WHERE and ORDER BY. */
    static final String COLLISION_SELECT = """
            SELECT c.id, c.gap_days, c.tier, c.rivalry, c.reported, c.status, c.created_at, c.updated_at,
                   ea.id AS a_id, ea.lab AS a_lab, ea.family AS a_family, ea.model AS a_model,
                   ea.release_date AS a_release_date, ea.precision AS a_precision, ea.release_at AS a_release_at,
                   ea.confidence AS a_confidence, ea.source_count AS a_source_count,
                   ea.first_seen_at AS a_first_seen_at, ea.updated_at AS a_updated_at,
                   eb.id AS b_id, eb.lab AS b_lab, eb.family AS b_family, eb.model AS b_model,
                   eb.release_date AS b_release_date, eb.precision AS b_precision, eb.release_at AS b_release_at,
                   eb.confidence AS b_confidence, eb.source_count AS b_source_count,
                   eb.first_seen_at AS b_first_seen_at, eb.updated_at AS b_updated_at
            FROM collisions c
            JOIN release_events ea ON ea.id = c.event_a
            JOIN release_events eb ON eb.id = c.event_b
            """;

    private EventRows() {
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one query and reads every row; {@code what} names the rows in the error message. */
    static <T> List<T> queryList(DataSource dataSource, String what, String sql, Binder binder, RowReader<T> reader)
            throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(reader.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Release evidence that may belong to the event of (lab, family): the mentions of that family and of every
     * family it extends ("qwen3" for the event "qwen3-update-2025-07"), since the detector keys point releases and
     * updates apart from the extractor's family (issue 13). The caller rebuilds the events and picks its own.
     */
    static List<Evidence> releaseEvidenceAround(DataSource dataSource, String lab, String family)
            throws StoreException {
        String sql = RELEASE_EVIDENCE_SELECT + """
                WHERE m.is_release = TRUE AND m.lab = ?
                  AND (m.family = ? OR LEFT(?, LENGTH(m.family) + 1) = CONCAT(m.family, '-'))
                ORDER BY m.id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lab);
            ps.setString(2, family);
            ps.setString(3, family);
            List<Evidence> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                readEvidence(rs, result);
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read evidence of " + lab + "/" + family + ": " + e.getMessage(), e);
        }
    }

    static void readEvidence(ResultSet rs, List<Evidence> into) throws SQLException {
        while (rs.next()) {
            String url = rs.getString("url");
            into.add(new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                    Optional.ofNullable(url).map(URI::create), rs.getString("title"),
                    ArticleKind.valueOf(rs.getString("kind")), rs.getString("lab"), rs.getString("model_id"),
                    rs.getString("model"), rs.getString("family"), readDate(rs), rs.getDouble("confidence"),
                    rs.getString("evidence"), rs.getLong("fingerprint"), Sql.instant(rs, "published_at"),
                    Optional.ofNullable(rs.getString("article_lab")),
                    Optional.ofNullable((Boolean) rs.getObject("date_from_article"))));
        }
    }

    private static ReleaseDate readDate(ResultSet rs) throws SQLException {
        Precision precision = Precision.valueOf(rs.getString("precision"));
        if (precision == Precision.INSTANT) {
            return ReleaseDate.ofInstant(Sql.instant(rs, "release_at").orElseThrow());
        }
        return new ReleaseDate(rs.getObject("release_date", LocalDate.class), precision, Optional.empty());
    }

    /** One release_events row; {@code prefix} picks the aliased columns of a join ("a_", "b_"), or "" for none. */
    static StoredEvent readEvent(ResultSet rs, String prefix) throws SQLException {
        return new StoredEvent(rs.getString(prefix + "id"), rs.getString(prefix + "lab"),
                rs.getString(prefix + "family"), rs.getString(prefix + "model"), Sql.date(rs, prefix + "release_date"),
                Optional.ofNullable(rs.getString(prefix + "precision")), Sql.instant(rs, prefix + "release_at"),
                rs.getDouble(prefix + "confidence"), rs.getInt(prefix + "source_count"),
                Sql.instant(rs, prefix + "first_seen_at").orElseThrow(),
                Sql.instant(rs, prefix + "updated_at").orElseThrow());
    }

    static StoredCollision readCollision(ResultSet rs) throws SQLException {
        int gap = rs.getInt("gap_days");
        Optional<Integer> gapDays = rs.wasNull() ? Optional.empty() : Optional.of(gap);
        return new StoredCollision(rs.getString("id"), readEvent(rs, "a_"), readEvent(rs, "b_"), gapDays,
                Tier.valueOf(rs.getString("tier")), rs.getBoolean("rivalry"), rs.getBoolean("reported"),
                CollisionStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "created_at").orElseThrow(), Sql.instant(rs, "updated_at").orElseThrow());
    }
}
