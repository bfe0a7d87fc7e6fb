package dev.collide.store;

import dev.collide.detect.Collision;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Release events and collisions. {@link #saveDetection} writes a detection run's result in one transaction: events
 * upserted, collisions created, updated or retracted with their history, and the outbox rows those changes cause.
 */
public final class JdbcEventStore {
    private final DataSource dataSource;
    private final OutboxPolicy outbox;

    public JdbcEventStore(DataSource dataSource, OutboxPolicy outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Every release mention (not mere mentions), with its article's kind, link and fingerprint. */
    public List<Evidence> loadReleaseEvidence() throws StoreException {
        String sql = """
                SELECT m.id, m.article_id, a.source_id, a.url, a.title, a.kind, m.lab, m.model_id, m.model, m.family,
                       m.release_date, m.precision, m.release_at, m.confidence, m.evidence, a.fingerprint,
                       a.published_at, a.lab AS article_lab, m.date_from_article
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.is_release = TRUE
                ORDER BY m.id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Evidence> result = new ArrayList<>();
            readEvidence(rs, result);
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read release evidence: " + e.getMessage(), e);
        }
    }

    private static void readEvidence(ResultSet rs, List<Evidence> into) throws SQLException {
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

    /** The detection settings the stored collisions were computed with, if any run recorded them. */
    public Optional<String> appliedDetectionSettings() throws StoreException {
        return queryList("detection settings", "SELECT settings FROM detection_settings WHERE id = 1", ps -> { },
                rs -> rs.getString(1)).stream().findFirst();
    }

    /** Records the settings of a full detection pass (one row, replaced). */
    public void recordDetectionSettings(String settings, Instant at) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM detection_settings WHERE id = 1");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO detection_settings (id, settings, applied_at) VALUES (1, ?, ?)")) {
                del.executeUpdate();
                ins.setString(1, Sql.cut(settings, 2000));
                Sql.setInstant(ins, 2, at);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not record detection settings: " + e.getMessage(), e);
        }
    }

    /** Release families with evidence no detection run has taken into account yet. */
    public Set<FamilyKey> undetectedFamilies() throws StoreException {
        String sql = """
                SELECT DISTINCT lab, family FROM mentions WHERE detected = FALSE AND is_release = TRUE
                UNION SELECT lab_a, family_a FROM co_releases WHERE detected = FALSE
                UNION SELECT lab_b, family_b FROM co_releases WHERE detected = FALSE""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Set<FamilyKey> result = new java.util.HashSet<>();
            while (rs.next()) {
                result.add(new FamilyKey(rs.getString(1), rs.getString(2)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read new evidence: " + e.getMessage(), e);
        }
    }

    /**
     * Release evidence that may belong to the event of (lab, family): the mentions of that family and of every
     * family it extends ("qwen3" for the event "qwen3-update-2025-07"), since the detector keys point releases and
     * updates apart from the extractor's family (issue 13). The caller rebuilds the events and picks its own.
     */
    public List<Evidence> loadReleaseEvidenceAround(String lab, String family) throws StoreException {
        String sql = """
                SELECT m.id, m.article_id, a.source_id, a.url, a.title, a.kind, m.lab, m.model_id, m.model, m.family,
                       m.release_date, m.precision, m.release_at, m.confidence, m.evidence, a.fingerprint,
                       a.published_at, a.lab AS article_lab, m.date_from_article
                FROM mentions m JOIN articles a ON a.id = m.article_id
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

    /** Release evidence of the given families only. */
    public List<Evidence> loadReleaseEvidence(java.util.Collection<FamilyKey> families) throws StoreException {
        String sql = """
                SELECT m.id, m.article_id, a.source_id, a.url, a.title, a.kind, m.lab, m.model_id, m.model, m.family,
                       m.release_date, m.precision, m.release_at, m.confidence, m.evidence, a.fingerprint,
                       a.published_at, a.lab AS article_lab, m.date_from_article
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.is_release = TRUE AND m.lab = ? AND m.family = ?
                ORDER BY m.id""";
        List<Evidence> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    readEvidence(rs, result);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read release evidence: " + e.getMessage(), e);
        }
    }

    /** Stored events dated within [from, to] (without their evidence): the neighbours an incremental run compares. */
    public List<ReleaseEvent> eventsDatedBetween(LocalDate from, LocalDate to) throws StoreException {
        return queryList("release events", "SELECT * FROM release_events WHERE release_date >= ? AND release_date <= ?",
                ps -> {
                    ps.setObject(1, from);
                    ps.setObject(2, to);
                }, rs -> toReleaseEvent(readEvent(rs, "")));
    }

    /** Stored events of the given families (without evidence). */
    public List<ReleaseEvent> eventsOf(java.util.Collection<FamilyKey> families) throws StoreException {
        List<ReleaseEvent> result = new ArrayList<>();
        for (FamilyKey key : families) {
            event(ReleaseEvent.idFor(key.lab(), key.family())).map(JdbcEventStore::toReleaseEvent)
                    .ifPresent(result::add);
        }
        return result;
    }

    static ReleaseEvent toReleaseEvent(StoredEvent e) {
        Optional<ReleaseDate> date = e.date().map(d -> {
            Precision precision = Precision.valueOf(e.precision().orElse("DAY"));
            return precision == Precision.INSTANT ? ReleaseDate.ofInstant(e.releaseAt().orElseThrow())
                    : new ReleaseDate(d, precision, Optional.empty());
        });
        return new ReleaseEvent(e.id(), e.lab(), e.family(), e.model(), date, e.confidence(), e.sourceCount(),
                List.of());
    }

    /** Co-release statements naming one of the families on either side. */
    public List<CoRelease> loadCoReleases(java.util.Collection<FamilyKey> families) throws StoreException {
        String sql = """
                SELECT lab_a, family_a, lab_b, family_b, max_gap_days, evidence FROM co_releases
                WHERE (lab_a = ? AND family_a = ?) OR (lab_b = ? AND family_b = ?) ORDER BY id""";
        java.util.LinkedHashSet<CoRelease> result = new java.util.LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                ps.setString(3, key.lab());
                ps.setString(4, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new CoRelease(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6)));
                    }
                }
            }
            return new ArrayList<>(result);
        } catch (SQLException e) {
            throw new StoreException("could not read co-releases: " + e.getMessage(), e);
        }
    }

    public List<CoRelease> loadCoReleases() throws StoreException {
        String sql = "SELECT lab_a, family_a, lab_b, family_b, max_gap_days, evidence FROM co_releases ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<CoRelease> result = new ArrayList<>();
            while (rs.next()) {
                result.add(new CoRelease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read co-releases: " + e.getMessage(), e);
        }
    }

    /** Writes a full detection result; collisions not in {@code collisions} but active in the archive are retracted. */
    public DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions, Instant now)
            throws StoreException {
        return saveDetection(events, collisions, Optional.empty(), now);
    }

    /**
     * Writes a detection result in one transaction. With a {@code scope} (event ids), only collisions touching those
     * events are compared and retracted: an incremental run. Every mention and co-release is marked detected in the
     * same transaction, so a crash re-runs the work instead of losing it.
     */
    public DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions,
                                          Optional<Set<String>> scope, Instant now) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> gone = scope.isPresent() ? vanishedEvents(c, events) : unbuiltEvents(c, events);
                Optional<Set<String>> widened = scope;
                if (scope.isPresent() && !gone.isEmpty()) {
                    Set<String> all = new HashSet<>(scope.get());
                    all.addAll(gone);
                    widened = Optional.of(all);
                }
                int[] eventCounts = upsertEvents(c, events, now);
                undate(c, gone, now);
                List<HistoryEntry> changes = applyCollisions(c, events, collisions, widened, gone, now);
                int outboxRows = 0;
                for (HistoryEntry h : changes) {
                    outboxRows += enqueue(c, "COLLISION", h.collisionId(), h.change(), "history-" + h.id(), now);
                }
                markDetected(c, events);
                c.commit();
                return new DetectionChanges(eventCounts[0], eventCounts[1], changes,
                        outboxRows + eventCounts[2]);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not save detection results: " + e.getMessage(), e);
        }
    }

    /**
     * Stored events that the rebuilt families no longer give (issue 13: a plain name merged into its same-day
     * preview, a name that became a point release of its own): an incremental run retracts their collisions too.
     */
    private static Set<String> vanishedEvents(Connection c, List<ReleaseEvent> events) throws SQLException {
        Set<String> built = new HashSet<>();
        List<Long> mentionIds = new ArrayList<>();
        for (ReleaseEvent e : events) {
            built.add(e.id());
            e.evidence().forEach(ev -> mentionIds.add(ev.mentionId()));
        }
        Set<FamilyKey> families = new HashSet<>();
        for (List<Long> chunk : chunks(mentionIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lab, family FROM mentions WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        families.add(new FamilyKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        Set<String> gone = new HashSet<>();
        String sql = """
                SELECT id, family FROM release_events
                WHERE lab = ? AND (family = ? OR LEFT(family, LENGTH(?) + 1) = CONCAT(?, '-'))""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                ps.setString(3, key.family());
                ps.setString(4, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!built.contains(id) && EventBuilder.isLaunchOf(rs.getString(2), key.family())) {
                            gone.add(id);
                        }
                    }
                }
            }
        }
        return gone;
    }

    /** A full run: every stored event the run did not build. */
    private static Set<String> unbuiltEvents(Connection c, List<ReleaseEvent> events) throws SQLException {
        Set<String> built = new HashSet<>();
        events.forEach(e -> built.add(e.id()));
        Set<String> gone = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM release_events WHERE release_date IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!built.contains(rs.getString(1))) {
                    gone.add(rs.getString(1));
                }
            }
        }
        return gone;
    }

    /**
     * An event no evidence builds any more keeps its row (its retracted collisions name it) but loses its date, so
     * it is no candidate for new collisions; its page says the evidence no longer builds it.
     */
    private static void undate(Connection c, Set<String> gone, Instant now) throws SQLException {
        for (List<String> chunk : chunks(new ArrayList<>(gone))) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE release_events SET release_date = NULL,"
                    + " precision = NULL, release_at = NULL, updated_at = ? WHERE release_date IS NOT NULL AND id IN ("
                    + placeholders(chunk.size()) + ")")) {
                Sql.setInstant(ps, 1, now);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    private static void markDetected(Connection c, List<ReleaseEvent> events) throws SQLException {
        List<Long> mentionIds = new ArrayList<>();
        for (ReleaseEvent e : events) {
            for (Evidence ev : e.evidence()) {
                mentionIds.add(ev.mentionId());
            }
        }
        for (List<Long> chunk : chunks(mentionIds)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mentions SET detected = TRUE WHERE detected = FALSE"
                    + " AND id IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
        // co-releases are read again for every run that touches their families; the flag only says "seen"
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE co_releases SET detected = TRUE WHERE detected = FALSE")) {
            ps.executeUpdate();
        }
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 500) {
            result.add(items.subList(i, Math.min(items.size(), i + 500)));
        }
        return result;
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Returns {new, updated, outbox rows for watched labs}. */
    private int[] upsertEvents(Connection c, List<ReleaseEvent> events, Instant now) throws SQLException {
        Map<String, StoredEvent> existing = new HashMap<>();
        for (List<ReleaseEvent> chunk : chunks(events)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM release_events WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent e = readEvent(rs, "");
                        existing.put(e.id(), e);
                    }
                }
            }
        }
        String insert = """
                INSERT INTO release_events (lab, family, model, release_date, precision, release_at, confidence,
                                            source_count, first_seen_at, updated_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        String update = """
                UPDATE release_events SET lab = ?, family = ?, model = ?, release_date = ?, precision = ?,
                    release_at = ?, confidence = ?, source_count = ?, first_seen_at = ?, updated_at = ?
                WHERE id = ?""";
        int created = 0;
        int updated = 0;
        int outboxRows = 0;
        try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement upd = c.prepareStatement(update)) {
            for (ReleaseEvent e : events) {
                StoredEvent old = existing.get(e.id());
                if (old == null) {
                    bindEvent(ins, e, now, now);
                    ins.addBatch();
                    created++;
                    if (outbox.watchedLabs().contains(e.lab())) {
                        outboxRows += enqueue(c, "EVENT", e.id(), "CREATED", "event-" + e.id(), now);
                    }
                } else if (changed(old, e)) {
                    bindEvent(upd, e, old.firstSeenAt(), now);
                    upd.addBatch();
                    updated++;
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        return new int[] {created, updated, outboxRows};
    }

    private static boolean changed(StoredEvent old, ReleaseEvent e) {
        Optional<LocalDate> date = e.date().map(ReleaseDate::date);
        Optional<String> precision = e.date().map(d -> d.precision().name());
        return !old.date().equals(date) || !old.precision().equals(precision)
                || !old.releaseAt().equals(e.date().flatMap(ReleaseDate::instant))
                || Math.abs(old.confidence() - e.confidence()) > 1e-9 || old.sourceCount() != e.sourceCount()
                || !old.model().equals(Sql.cut(e.model(), 300));
    }

    private static void bindEvent(PreparedStatement ps, ReleaseEvent e, Instant firstSeen, Instant now)
            throws SQLException {
        ps.setString(1, e.lab());
        ps.setString(2, Sql.cut(e.family(), 300));
        ps.setString(3, Sql.cut(e.model(), 300));
        Sql.setDate(ps, 4, e.date().map(ReleaseDate::date));
        Sql.setString(ps, 5, e.date().map(d -> d.precision().name()));
        Sql.setInstant(ps, 6, e.date().flatMap(ReleaseDate::instant));
        ps.setDouble(7, e.confidence());
        ps.setInt(8, e.sourceCount());
        Sql.setInstant(ps, 9, firstSeen);
        Sql.setInstant(ps, 10, now);
        ps.setString(11, e.id());
    }

    private record CollisionRow(String id, Optional<LocalDate> dateA, Optional<LocalDate> dateB,
                                Optional<Integer> gap, String tier, boolean rivalry, boolean reported, String status,
                                String eventA, String eventB) {
    }

    private List<HistoryEntry> applyCollisions(Connection c, List<ReleaseEvent> events, List<Collision> collisions,
                                               Optional<Set<String>> scope, Set<String> gone, Instant now)
            throws SQLException {
        Map<String, CollisionRow> existing = new HashMap<>();
        String select = "SELECT id, date_a, date_b, gap_days, tier, rivalry, reported, status, event_a, event_b"
                + " FROM collisions";
        if (scope.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                readCollisionRows(ps, existing);
            }
        } else {
            for (List<String> chunk : chunks(new ArrayList<>(scope.get()))) {
                String in = placeholders(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE event_a IN (" + in
                        + ") OR event_b IN (" + in + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                        ps.setString(chunk.size() + i + 1, chunk.get(i));
                    }
                    readCollisionRows(ps, existing);
                }
            }
            for (List<Collision> chunk : chunks(collisions)) {
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE id IN ("
                        + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i).id());
                    }
                    readCollisionRows(ps, existing);
                }
            }
        }
        List<HistoryEntry> changes = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Collision col : collisions) {
            seen.put(col.id(), true);
            CollisionRow now0 = rowOf(col);
            CollisionRow old = existing.get(col.id());
            if (old == null) {
                insertCollision(c, col, now);
                changes.add(history(c, col.id(), "CREATED", describe(col), now));
            } else if (!"ACTIVE".equals(old.status())) {
                updateCollision(c, col, now);
                changes.add(history(c, col.id(), "CREATED", "holds again: " + describe(col), now));
            } else if (!old.equals(now0)) {
                updateCollision(c, col, now);
                changes.add(history(c, col.id(), "UPDATED", describe(col), now));
            }
        }
        for (CollisionRow old : existing.values()) {
            if ("ACTIVE".equals(old.status()) && !seen.containsKey(old.id())) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE collisions SET status = 'RETRACTED', updated_at = ? WHERE id = ?")) {
                    Sql.setInstant(ps, 1, now);
                    ps.setString(2, old.id());
                    ps.executeUpdate();
                }
                changes.add(history(c, old.id(), "RETRACTED", retraction(old, events, scope, gone), now));
            }
        }
        return changes;
    }

    /** Why a collision no longer holds, in terms of what became of its two events (issue 13: corrections). */
    private static String retraction(CollisionRow old, List<ReleaseEvent> events, Optional<Set<String>> scope,
                                     Set<String> gone) {
        Map<String, ReleaseEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        List<String> why = new ArrayList<>();
        String[] ids = {old.eventA(), old.eventB()};
        List<Optional<LocalDate>> was = List.of(old.dateA(), old.dateB());
        for (int i = 0; i < 2; i++) {
            ReleaseEvent e = byId.get(ids[i]);
            String before = was.get(i).map(Object::toString).orElse("undated");
            if (e == null && (scope.isEmpty() || gone.contains(ids[i]))) {
                why.add("event " + ids[i] + " (was " + before + ") is no longer a release event: its evidence is"
                        + " now another launch (a point release or update), a generic name, or gone");
            } else if (e != null && e.date().isEmpty()) {
                why.add(e.lab() + " " + e.model() + " (was " + before + ") now has only undated mentions:"
                        + " on or before its earliest article, too vague to collide");
            } else if (e != null && !e.date().map(ReleaseDate::date).equals(was.get(i))) {
                why.add(e.lab() + " " + e.model() + " moved from " + before + " to " + e.date().get()
                        + " by stronger evidence");
            }
        }
        return why.isEmpty() ? "no longer within the window after new evidence moved a date"
                : "no longer holds: " + String.join("; ", why);
    }

    private static void readCollisionRows(PreparedStatement ps, Map<String, CollisionRow> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int gap = rs.getInt("gap_days");
                Optional<Integer> gapDays = rs.wasNull() ? Optional.empty() : Optional.of(gap);
                into.put(rs.getString("id"), new CollisionRow(rs.getString("id"), Sql.date(rs, "date_a"),
                        Sql.date(rs, "date_b"), gapDays, rs.getString("tier"), rs.getBoolean("rivalry"),
                        rs.getBoolean("reported"), rs.getString("status"), rs.getString("event_a"),
                        rs.getString("event_b")));
            }
        }
    }

    private static CollisionRow rowOf(Collision col) {
        return new CollisionRow(col.id(), col.a().date().map(ReleaseDate::date), col.b().date().map(ReleaseDate::date),
                col.gapDays().map(Long::intValue), col.tier().name(), col.rivalry(), col.reported(), "ACTIVE",
                col.a().id(), col.b().id());
    }

    static String describe(Collision col) {
        return col.a().lab() + " " + col.a().model() + " (" + col.a().date().map(Objects::toString).orElse("?")
                + ") and " + col.b().lab() + " " + col.b().model() + " ("
                + col.b().date().map(Objects::toString).orElse("?") + "), " + col.tier().label()
                + col.gapDays().map(g -> ", " + g + " day(s) apart").orElse("")
                + (col.reported() ? ", reported as simultaneous" : "")
                + col.statement().map(st -> ": \"" + st + "\"").orElse("");
    }

    private static void insertCollision(Connection c, Collision col, Instant now) throws SQLException {
        String sql = """
                INSERT INTO collisions (event_a, event_b, lab_a, lab_b, date_a, date_b, gap_days, tier, rivalry,
                                        reported, status, updated_at, created_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindCollision(ps, col, now);
            Sql.setInstant(ps, 12, now);
            ps.setString(13, col.id());
            ps.executeUpdate();
        }
    }

    private static void updateCollision(Connection c, Collision col, Instant now) throws SQLException {
        String sql = """
                UPDATE collisions SET event_a = ?, event_b = ?, lab_a = ?, lab_b = ?, date_a = ?, date_b = ?,
                    gap_days = ?, tier = ?, rivalry = ?, reported = ?, status = 'ACTIVE', updated_at = ?
                WHERE id = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindCollision(ps, col, now);
            ps.setString(12, col.id());
            ps.executeUpdate();
        }
    }

    private static void bindCollision(PreparedStatement ps, Collision col, Instant now) throws SQLException {
        ps.setString(1, col.a().id());
        ps.setString(2, col.b().id());
        ps.setString(3, col.a().lab());
        ps.setString(4, col.b().lab());
        Sql.setDate(ps, 5, col.a().date().map(ReleaseDate::date));
        Sql.setDate(ps, 6, col.b().date().map(ReleaseDate::date));
        if (col.gapDays().isPresent()) {
            ps.setInt(7, col.gapDays().get().intValue());
        } else {
            ps.setNull(7, java.sql.Types.INTEGER);
        }
        ps.setString(8, col.tier().name());
        ps.setBoolean(9, col.rivalry());
        ps.setBoolean(10, col.reported());
        Sql.setInstant(ps, 11, now);
    }

    private static HistoryEntry history(Connection c, String collisionId, String change, String detail, Instant now)
            throws SQLException {
        String sql = "INSERT INTO collision_history (collision_id, change, detail, changed_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, collisionId);
            ps.setString(2, change);
            ps.setString(3, Sql.cut(detail, 2000));
            Sql.setInstant(ps, 4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new HistoryEntry(keys.getLong(1), collisionId, change, detail, now);
            }
        }
    }

    private int enqueue(Connection c, String subjectKind, String subjectId, String change, String dedup, Instant now)
            throws SQLException {
        if (outbox.channels().isEmpty()) {
            return 0;
        }
        String sql = """
                INSERT INTO outbox (channel, dedup_key, subject_kind, subject_id, change, payload, status,
                                    next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String channel : outbox.channels()) {
                ps.setString(1, channel);
                ps.setString(2, dedup);
                ps.setString(3, subjectKind);
                ps.setString(4, subjectId);
                ps.setString(5, change);
                ps.setString(6, "{\"kind\":\"" + subjectKind + "\",\"id\":\"" + subjectId + "\",\"change\":\""
                        + change + "\"}");
                Sql.setInstant(ps, 7, now);
                Sql.setInstant(ps, 8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return outbox.channels().size();
    }

    // ---- archive reads ----

    public List<StoredEvent> events(ArchiveQuery q) throws StoreException {
        StringBuilder sql = new StringBuilder("SELECT * FROM release_events WHERE 1 = 1");
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
            String like = Sql.containsPattern(t.toLowerCase(java.util.Locale.ROOT));
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
            bindAll(ps, args);
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

    /** Number of release events per lab, for every lab that has at least one; ordered by lab id. */
    public Map<String, Long> eventCountsByLab() throws StoreException {
        String sql = "SELECT lab, COUNT(*) FROM release_events GROUP BY lab ORDER BY lab";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> result = new java.util.LinkedHashMap<>();
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not count release events: " + e.getMessage(), e);
        }
    }

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
    public List<StoredEvidence> evidence(String eventId) throws StoreException {
        Optional<StoredEvent> event = event(eventId);
        if (event.isEmpty()) {
            return List.of();
        }
        Set<Long> members = new HashSet<>();
        for (ReleaseEvent built : new EventBuilder().build(loadReleaseEvidenceAround(event.get().lab(),
                event.get().family()))) {
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

    private static final String COLLISION_SELECT = """
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

    /** Active collisions (and retracted ones when asked), newest first; dates filter on either side. */
    public List<StoredCollision> collisions(ArchiveQuery q, Optional<String> tier, boolean includeRetracted)
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
            args.add(t);
        });
        q.text().ifPresent(t -> { // the page's search box: a model or family name on either side
            sql.append(" AND (LOWER(ea.model) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(ea.family) LIKE ? "
                    + Sql.LIKE_ESCAPE + " OR LOWER(eb.model) LIKE ? " + Sql.LIKE_ESCAPE + " OR LOWER(eb.family) LIKE ? "
                    + Sql.LIKE_ESCAPE + ")");
            String like = Sql.containsPattern(t.toLowerCase(java.util.Locale.ROOT));
            for (int i = 0; i < 4; i++) {
                args.add(like);
            }
        });
        sql.append(" ORDER BY COALESCE(c.date_a, c.date_b) DESC, c.id LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bindAll(ps, args);
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

    /** Active collisions first recorded in [from, to): what a digest of that period reports. */
    public List<StoredCollision> collisionsCreatedBetween(Instant from, Instant to) throws StoreException {
        return queryList("new collisions", COLLISION_SELECT + " WHERE c.status = 'ACTIVE' AND c.created_at >= ?"
                + " AND c.created_at < ? ORDER BY c.created_at, c.id", ps -> {
                    Sql.setInstant(ps, 1, from);
                    Sql.setInstant(ps, 2, to);
                }, JdbcEventStore::readCollision);
    }

    /** Release events first seen in [from, to). */
    public List<StoredEvent> eventsFirstSeenBetween(Instant from, Instant to) throws StoreException {
        return queryList("new release events", "SELECT * FROM release_events WHERE first_seen_at >= ?"
                + " AND first_seen_at < ? ORDER BY lab, release_date, id", ps -> {
                    Sql.setInstant(ps, 1, from);
                    Sql.setInstant(ps, 2, to);
                }, rs -> readEvent(rs, ""));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one query and reads every row; {@code what} names the rows in the error message. */
    private <T> List<T> queryList(String what, String sql, Binder binder, RowReader<T> reader) throws StoreException {
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

    public List<HistoryEntry> history(String collisionId) throws StoreException {
        return queryList("history of collision " + collisionId,
                "SELECT * FROM collision_history WHERE collision_id = ? ORDER BY id",
                ps -> ps.setString(1, collisionId),
                rs -> new HistoryEntry(rs.getLong("id"), rs.getString("collision_id"), rs.getString("change"),
                        rs.getString("detail"), Sql.instant(rs, "changed_at").orElseThrow()));
    }

    /** Active collisions per pair of labs (labs in alphabetical order), most collisions first. */
    public List<Rivalry> rivalries(Optional<String> lab) throws StoreException {
        String sql = """
                SELECT lab_a, lab_b, date_a, date_b FROM collisions
                WHERE status = 'ACTIVE' AND (? IS NULL OR lab_a = ? OR lab_b = ?)
                ORDER BY COALESCE(date_a, date_b)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lab.orElse(null));
            ps.setString(2, lab.orElse(null));
            ps.setString(3, lab.orElse(null));
            Map<String, List<LocalDate>> byPair = new java.util.TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String a = rs.getString(1);
                    String b = rs.getString(2);
                    String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                    LocalDate date = Sql.date(rs, "date_a").or(() -> {
                        try {
                            return Sql.date(rs, "date_b");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).orElse(null);
                    List<LocalDate> dates = byPair.computeIfAbsent(key, k -> new ArrayList<>());
                    if (date != null) {
                        dates.add(date);
                    }
                }
            }
            List<Rivalry> result = new ArrayList<>();
            byPair.forEach((key, dates) -> {
                String[] labs = key.split("\\|");
                result.add(new Rivalry(labs[0], labs[1], dates));
            });
            result.sort(java.util.Comparator.comparingInt(Rivalry::count).reversed());
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read rivalries: " + e.getMessage(), e);
        }
    }

    private static StoredCollision readCollision(ResultSet rs) throws SQLException {
        int gap = rs.getInt("gap_days");
        Optional<Integer> gapDays = rs.wasNull() ? Optional.empty() : Optional.of(gap);
        return new StoredCollision(rs.getString("id"), readEvent(rs, "a_"), readEvent(rs, "b_"), gapDays,
                rs.getString("tier"), rs.getBoolean("rivalry"), rs.getBoolean("reported"), rs.getString("status"),
                Sql.instant(rs, "created_at").orElseThrow(), Sql.instant(rs, "updated_at").orElseThrow());
    }

    private static StoredEvent readEvent(ResultSet rs, String prefix) throws SQLException {
        return new StoredEvent(rs.getString(prefix + "id"), rs.getString(prefix + "lab"),
                rs.getString(prefix + "family"), rs.getString(prefix + "model"), Sql.date(rs, prefix + "release_date"),
                Optional.ofNullable(rs.getString(prefix + "precision")), Sql.instant(rs, prefix + "release_at"),
                rs.getDouble(prefix + "confidence"), rs.getInt(prefix + "source_count"),
                Sql.instant(rs, prefix + "first_seen_at").orElseThrow(),
                Sql.instant(rs, prefix + "updated_at").orElseThrow());
    }

    private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
