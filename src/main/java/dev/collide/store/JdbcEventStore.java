package dev.collide.store;

import static dev.collide.store.EventRows.RELEASE_EVIDENCE_SELECT;
import static dev.collide.store.EventRows.queryList;
import static dev.collide.store.EventRows.readEvent;
import static dev.collide.store.EventRows.readEvidence;

import dev.collide.detect.Collision;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The detection store on JDBC: the release evidence and co-releases detection reads, and {@link #saveDetection},
 * which writes a detection run's result in one transaction: events upserted, collisions created, updated or retracted
 * with their history, and the outbox rows those changes cause. The archive's queries are {@link JdbcArchiveReader}'s.
 */
public final class JdbcEventStore implements EventStore {
    private final DataSource dataSource;
    private final OutboxPolicy outbox;

    public JdbcEventStore(DataSource dataSource, OutboxPolicy outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Every release mention (not mere mentions), with its article's kind, link and fingerprint. */
    @Override
    public List<Evidence> loadReleaseEvidence() throws StoreException {
        String sql = RELEASE_EVIDENCE_SELECT + """
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

    /** The detection settings the stored collisions were computed with, if any run recorded them. */
    @Override
    public Optional<String> appliedDetectionSettings() throws StoreException {
        return queryList(dataSource, "detection settings", "SELECT settings FROM detection_settings WHERE id = 1",
                ps -> { }, rs -> rs.getString(1)).stream().findFirst();
    }

    /** Records the settings of a full detection pass (one row, replaced). */
    @Override
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
    @Override
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

    /** Release evidence of the given families only. */
    @Override
    public List<Evidence> loadReleaseEvidence(Collection<FamilyKey> families) throws StoreException {
        String sql = RELEASE_EVIDENCE_SELECT + """
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
    @Override
    public List<ReleaseEvent> eventsDatedBetween(LocalDate from, LocalDate to) throws StoreException {
        return queryList(dataSource, "release events",
                "SELECT * FROM release_events WHERE release_date >= ? AND release_date <= ?",
                ps -> {
                    ps.setObject(1, from);
                    ps.setObject(2, to);
                }, rs -> toReleaseEvent(readEvent(rs, "")));
    }

    /** Stored events of the given families (without evidence). */
    @Override
    public List<ReleaseEvent> eventsOf(Collection<FamilyKey> families) throws StoreException {
        List<ReleaseEvent> result = new ArrayList<>();
        for (FamilyKey key : families) {
            String id = ReleaseEvent.idFor(key.lab(), key.family());
            result.addAll(queryList(dataSource, "release event " + id, "SELECT * FROM release_events WHERE id = ?",
                    ps -> ps.setString(1, id), rs -> toReleaseEvent(readEvent(rs, ""))));
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
    @Override
    public List<CoRelease> loadCoReleases(Collection<FamilyKey> families) throws StoreException {
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

    @Override
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
    @Override
    public DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions, Instant now)
            throws StoreException {
        return saveDetection(events, collisions, Optional.empty(), now);
    }

    /**
     * Writes a detection result in one transaction. With a {@code scope} (event ids), only collisions touching those
     * events are compared and retracted: an incremental run. Every mention and co-release is marked detected in the
     * same transaction, so a crash re-runs the work instead of losing it.
     */
    @Override
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
}
