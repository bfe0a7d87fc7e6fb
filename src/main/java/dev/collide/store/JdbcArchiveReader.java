package dev.collide.store;

import static dev.collide.store.EventRows.COLLISION_SELECT;
import static dev.collide.store.EventRows.readCollision;
import static dev.collide.store.EventRows.readEvent;

import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.detect.Tier;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The archive's queries over events, collisions, their evidence and history, for the CLI, the API and the pages. */
public final class JdbcArchiveReader implements ArchiveReader {
    private final DataSource dataSource;

    public JdbcArchiveReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoredEvent> events(ArchiveQuery q) throws StoreException {
        // An event that no evidence builds any more has lost its date (EventWriter.undate): it keeps its row and
        // its page, for the retracted collisions that name it, but is no release to list.
        StringBuilder sql = new StringBuilder("SELECT * FROM release_events WHERE release_date IS NOT NULL");
        List<Object> args = new ArrayList<>();
        q.since().ifPresent(d -> {
            sql.append(" AND release_date >= ?");
            args.add(d);
        });
        q.until().ifPresent(d -> {
            sql.append(" AND release_date <= ?");
            args.add(d);
        });
        q.lab().ifPresent(lab -> {
            sql.append(" AND lab = ?");
            args.add(lab);
        });
        q.text().ifPresent(t -> {
            sql.append(" AND (LOWER(model) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(family) LIKE ? " + Sql.LIKE_ESCAPE
                    + ")");
            String like = Sql.containsPattern(t.toLowerCase(Locale.ROOT));
            args.add(like);
            args.add(like);
        });
        // All descending, so the index (lab, release_date, id) read backwards gives the order without sorting the
        // range; H2 only sees that when the equality-bound lab is named in the ORDER BY too (it changes nothing).
        sql.append(q.lab().isPresent() ? " ORDER BY lab DESC, release_date DESC, id DESC LIMIT ? OFFSET ?"
                : " ORDER BY release_date DESC, id DESC LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Sql.bind(ps, args.toArray());
            List<StoredEvent> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(readEvent(rs, ""));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read release events: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> eventCountsByLab() throws StoreException {
        String sql = "SELECT lab, COUNT(*) FROM release_events WHERE release_date IS NOT NULL GROUP BY lab"
                + " ORDER BY lab";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> result = new LinkedHashMap<>();
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not count release events: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredEvent> event(String id) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM release_events WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readEvent(rs, "")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read release event " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The event's evidence with its articles, releases first: the release mentions it is built from, and the mere
     * mentions of its family. Which release mentions those are is decided as detection decides it (issue 13: a
     * variant such as "-Preview" is an event of its own, or holds its plain name's mentions of the same day), not by
     * the family stored with each mention; empty when the event is unknown.
     */
    @Override
    public List<StoredEvidence> evidence(String eventId) throws StoreException {
        Optional<StoredEvent> event = event(eventId);
        if (event.isEmpty()) {
            return List.of();
        }
        Set<Long> members = new HashSet<>();
        List<Evidence> around = loadReleaseEvidenceAround(event.get().lab(), event.get().family());
        for (ReleaseEvent built : new EventBuilder().build(around)) {
            if (built.id().equals(eventId)) {
                built.evidence().forEach(e -> members.add(e.mentionId()));
            }
        }
        String sql = """
                SELECT m.id, m.article_id, a.source_id, a.title, a.url, a.kind, m.model, m.release_date, m.precision,
                       m.release_at, m.confidence, m.evidence, m.is_release, m.family
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.lab = ? AND (m.family = ? OR LEFT(?, LENGTH(m.family) + 1) = CONCAT(m.family, '-'))
                ORDER BY m.is_release DESC, m.release_date, m.id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, event.get().lab());
            ps.setString(2, event.get().family());
            ps.setString(3, event.get().family());
            List<StoredEvidence> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean member = rs.getBoolean("is_release") ? members.contains(rs.getLong(1))
                            : rs.getString("family").equals(event.get().family());
                    if (!member) {
                        continue;
                    }
                    String url = rs.getString("url");
                    result.add(new StoredEvidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            Optional.ofNullable(url).map(URI::create), rs.getString("kind"), rs.getString("model"),
                            rs.getObject("release_date", LocalDate.class), rs.getString("precision"),
                            Sql.instant(rs, "release_at"), rs.getDouble("confidence"), rs.getString("evidence"),
                            rs.getBoolean("is_release")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read evidence of event " + eventId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredCollision> collisions(ArchiveQuery q, Optional<Tier> tier, boolean includeRetracted)
            throws StoreException {
        StringBuilder sql = new StringBuilder(COLLISION_SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!includeRetracted) {
            sql.append(" AND c.status = 'ACTIVE'");
        }
        q.since().ifPresent(d -> {
            sql.append(" AND COALESCE(c.date_b, c.date_a) >= ?");
            args.add(d);
        });
        q.until().ifPresent(d -> {
            sql.append(" AND COALESCE(c.date_a, c.date_b) <= ?");
            args.add(d);
        });
        q.lab().ifPresent(lab -> {
            sql.append(" AND (c.lab_a = ? OR c.lab_b = ?)");
            args.add(lab);
            args.add(lab);
        });
        tier.ifPresent(t -> {
            sql.append(" AND c.tier = ?");
            args.add(t.name());
        });
        q.text().ifPresent(t -> { // the page's search box: a model or family name on either side
            sql.append(" AND (LOWER(ea.model) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(ea.family) LIKE ? "
                    + Sql.LIKE_ESCAPE + " OR LOWER(eb.model) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(eb.family) LIKE ? "
                    + Sql.LIKE_ESCAPE + ")");
            String like = Sql.containsPattern(t.toLowerCase(Locale.ROOT));
            for (int i = 0; i < 4; i++) {
                args.add(like);
            }
        });
        sql.append(" ORDER BY COALESCE(c.date_a, c.date_b) DESC, c.id LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Sql.bind(ps, args.toArray());
            List<StoredCollision> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(readCollision(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read collisions: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredCollision> collisionsCreatedBetween(Instant from, Instant to) throws StoreException {
        return query("new collisions", COLLISION_SELECT + " WHERE c.status = 'ACTIVE' AND c.created_at >= ?"
                + " AND c.created_at < ? ORDER BY c.created_at, c.id", ps -> {
                    Sql.setInstant(ps, 1, from);
                    Sql.setInstant(ps, 2, to);
                }, EventRows::readCollision);
    }

    @Override
    public List<Evidence> loadReleaseEvidenceAround(String lab, String family) throws StoreException {
        return EventRows.releaseEvidenceAround(dataSource, lab, family);
    }

    @Override
    public List<StoredEvent> eventsFirstSeenBetween(Instant from, Instant to) throws StoreException {
        return query("new release events", "SELECT * FROM release_events WHERE first_seen_at >= ?"
                + " AND first_seen_at < ? ORDER BY lab, release_date, id", ps -> {
                    Sql.setInstant(ps, 1, from);
                    Sql.setInstant(ps, 2, to);
                }, rs -> readEvent(rs, ""));
    }

    /** {@link EventRows#queryList} on this reader's data source. */
    private <T> List<T> query(String what, String sql, EventRows.Binder binder, EventRows.RowReader<T> reader)
            throws StoreException {
        return EventRows.queryList(dataSource, what, sql, binder, reader);
    }

    @Override
    public Optional<StoredCollision> collision(String id) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(COLLISION_SELECT + " WHERE c.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readCollision(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read collision " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<HistoryEntry> history(String collisionId) throws StoreException {
        return query("history of collision " + collisionId,
                "SELECT * FROM collision_history WHERE collision_id = ? ORDER BY id",
                ps -> ps.setString(1, collisionId),
                rs -> new HistoryEntry(rs.getLong("id"), rs.getString("collision_id"), rs.getString("change"),
                        rs.getString("detail"), Sql.instant(rs, "changed_at").orElseThrow()));
    }

    @Override
    public List<Rivalry> rivalries(Optional<String> lab) throws StoreException {
        String sql = """
                SELECT lab_a, lab_b, date_a, date_b FROM collisions
                WHERE status = 'ACTIVE' AND (? IS NULL OR lab_a = ? OR lab_b = ?)
                ORDER BY COALESCE(date_a, date_b)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lab.orElse(null));
            ps.setString(2, lab.orElse(null));
            ps.setString(3, lab.orElse(null));
            Map<String, List<LocalDate>> byPair = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String a = rs.getString(1);
                    String b = rs.getString(2);
                    String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                    Optional<LocalDate> date = Sql.date(rs, "date_a");
                    if (date.isEmpty()) {
                        date = Sql.date(rs, "date_b");
                    }
                    List<LocalDate> dates = byPair.computeIfAbsent(key, k -> new ArrayList<>());
                    date.ifPresent(dates::add);
                }
            }
            List<Rivalry> result = new ArrayList<>();
            byPair.forEach((key, dates) -> {
                String[] labs = key.split("\\|");
                result.add(new Rivalry(labs[0], labs[1], dates));
            });
            result.sort(Comparator.comparingInt(Rivalry::count).reversed());
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read rivalries: " + e.getMessage(), e);
        }
    }
}
