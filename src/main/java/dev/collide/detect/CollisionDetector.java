package dev.collide.detect;

import dev.collide.config.DetectionConfig;
import dev.collide.extract.CoRelease;
import dev.collide.extract.ReleaseDate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds pairs of release events of different labs within the window, plus pairs reported as simultaneous. Pure:
 * the same events give the same collisions, with the same ids. Sort-and-sweep, so a full pass over n events costs
 * O(n log n) plus the pairs found.
 */
public final class CollisionDetector {
    /** Shared gap values: a full pass builds millions of pairs with gaps of a few days. */
    private static final Optional<Long>[] GAPS = gaps(64);

    /** Version of the dating and merging rules (EventBuilder, Launches, EvidenceStrength). */
    static final String DATING_RULES = "evidence-strength-2";

    private final DetectionConfig config;
    /** Rival labs of each lab: a map lookup per pair instead of a scan of the configured pairs. */
    private final Map<String, java.util.Set<String>> rivalsOf = new HashMap<>();

    public CollisionDetector(DetectionConfig config) {
        this.config = config;
        for (java.util.Set<String> pair : config.rivals()) {
            for (String lab : pair) {
                for (String other : pair) {
                    if (!lab.equals(other)) {
                        rivalsOf.computeIfAbsent(lab, k -> new java.util.HashSet<>()).add(other);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Long>[] gaps(int n) {
        Optional<Long>[] gaps = new Optional[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = Optional.of((long) i);
        }
        return gaps;
    }

    private boolean isRivalry(String labA, String labB) {
        java.util.Set<String> rivals = rivalsOf.get(labA);
        return rivals != null && rivals.contains(labB);
    }

    /** The settings that decide which pairs collide, as one comparable line. */
    public String settings() {
        var rivals = new java.util.TreeSet<String>();
        config.rivals().forEach(pair -> rivals.add(String.join("-", new java.util.TreeSet<>(pair))));
        // "dating=": the event-building rules; a new version makes the next start rebuild everything (issue 13)
        return "window=" + config.window() + " minConfidence=" + config.minConfidence() + " rivals=" + rivals
                + " dating=" + DATING_RULES;
    }

    public long windowDays() {
        return config.windowDays();
    }

    public List<Collision> detect(List<ReleaseEvent> events, List<CoRelease> coReleases) {
        long window = config.windowDays();
        List<ReleaseEvent> candidates = new ArrayList<>();
        for (ReleaseEvent e : events) {
            // month-only dates are too vague to collide on their own; a reported co-release may still pair them
            if (e.confidence() >= config.minConfidence() && e.date().isPresent()
                    && e.date().get().latest().toEpochDay() - e.date().get().earliest().toEpochDay() <= 6) {
                candidates.add(e);
            }
        }
        int n = candidates.size();
        // sort an index by (earliest day, id) on primitive keys: no Optional or LocalDate per comparison
        long[] keyDay = new long[n];
        for (int i = 0; i < n; i++) {
            keyDay[i] = candidates.get(i).date().get().earliest().toEpochDay();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> keyDay[x] != keyDay[y] ? Long.compare(keyDay[x], keyDay[y])
                : candidates.get(x).id().compareTo(candidates.get(y).id()));
        List<ReleaseEvent> dated = new ArrayList<>(n);
        long[] earliest = new long[n];
        long[] latest = new long[n];
        for (int i = 0; i < n; i++) {
            ReleaseEvent e = candidates.get(order[i]);
            dated.add(e);
            earliest[i] = keyDay[order[i]];
            latest[i] = e.date().get().latest().toEpochDay();
        }
        List<Collision> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReleaseEvent a = dated.get(i);
            for (int j = i + 1; j < n && earliest[j] - latest[i] <= window; j++) {
                ReleaseEvent b = dated.get(j);
                if (a.lab().equals(b.lab())) {
                    continue;
                }
                int gap = (int) Math.max(0, earliest[j] - latest[i]);
                pairs.add(pair(a, b, gap < GAPS.length ? GAPS[gap] : Optional.of((long) gap), false));
            }
        }
        if (coReleases.isEmpty()) {
            return pairs;
        }
        Map<String, Collision> found = new LinkedHashMap<>();
        pairs.forEach(c -> found.put(c.id(), c));
        addReported(events, coReleases, found);
        return new ArrayList<>(found.values());
    }

    private void addReported(List<ReleaseEvent> events, List<CoRelease> coReleases, Map<String, Collision> found) {
        Map<String, ReleaseEvent> byKey = new HashMap<>();
        // a statement names a model's family; when that name was merged into another launch (the plain name of a
        // same-day preview, see EventBuilder), the event holding a mention of exactly that model answers for it
        Map<String, ReleaseEvent> byModel = new HashMap<>();
        for (ReleaseEvent e : events) {
            if (e.confidence() >= config.minConfidence()) {
                byKey.put(e.lab() + "|" + e.family(), e);
                e.evidence().forEach(ev -> byModel.putIfAbsent(e.lab() + "|" + ev.modelId(), e));
            }
        }
        for (CoRelease co : coReleases) {
            String keyA = co.labA() + "|" + co.familyA();
            String keyB = co.labB() + "|" + co.familyB();
            ReleaseEvent a = byKey.getOrDefault(keyA, byModel.get(keyA));
            ReleaseEvent b = byKey.getOrDefault(keyB, byModel.get(keyB));
            if (a == null || b == null || a.lab().equals(b.lab())) {
                continue;
            }
            String id = Collision.idFor(a.id(), b.id());
            Collision existing = found.get(id);
            if (existing != null) {
                found.put(id, new Collision(existing.a(), existing.b(), existing.gapDays(), existing.tier(),
                        existing.rivalry(), true, Optional.of(co.evidence())));
                continue;
            }
            // the statement is the evidence; dates may be month-only, so the gap is what the wording allows
            Optional<Long> gap = gapIfDayExact(a, b);
            if (gap.isPresent() && gap.get() > Math.max(co.maxGapDays(), config.windowDays())) {
                continue; // precise dates contradict the statement: trust the dates
            }
            if (gap.isPresent()) {
                Collision c = pair(a, b, gap, true);
                found.put(id, new Collision(c.a(), c.b(), c.gapDays(), c.tier(), c.rivalry(), true,
                        Optional.of(co.evidence())));
            } else {
                // "within hours" / "the same week": the wording sets the tier
                Collision c = pair(a, b, Optional.of((long) co.maxGapDays()), true);
                Tier stated = co.maxGapDays() <= 3 ? Tier.WITHIN_72H : Tier.WITHIN_WINDOW;
                found.put(id, new Collision(c.a(), c.b(), c.gapDays(), stated, c.rivalry(), true,
                        Optional.of(co.evidence())));
            }
        }
    }

    private Collision pair(ReleaseEvent x, ReleaseEvent y, Optional<Long> gap, boolean reported) {
        boolean xFirst = compareDates(x, y) <= 0;
        ReleaseEvent a = xFirst ? x : y;
        ReleaseEvent b = xFirst ? y : x;
        return new Collision(a, b, gap, tierOf(a, b, gap), isRivalry(a.lab(), b.lab()), reported);
    }

    private static int compareDates(ReleaseEvent x, ReleaseEvent y) {
        if (x.date().isPresent() && y.date().isPresent()) {
            int byDate = x.date().get().earliest().compareTo(y.date().get().earliest());
            if (byDate != 0) {
                return byDate;
            }
        }
        return x.id().compareTo(y.id());
    }

    private static Optional<Long> gapIfDayExact(ReleaseEvent a, ReleaseEvent b) {
        if (a.date().isEmpty() || b.date().isEmpty() || !a.date().get().isDayExact()
                || !b.date().get().isDayExact()) {
            return Optional.empty();
        }
        return Optional.of(Math.abs(ChronoUnit.DAYS.between(a.date().get().date(), b.date().get().date())));
    }

    static Tier tierOf(ReleaseEvent a, ReleaseEvent b, Optional<Long> gap) {
        if (a.date().isEmpty() || b.date().isEmpty()) {
            return gap.filter(g -> g == 0).isPresent() ? Tier.SAME_DAY : Tier.WITHIN_WINDOW;
        }
        ReleaseDate da = a.date().get();
        ReleaseDate db = b.date().get();
        if (da.instant().isPresent() && db.instant().isPresent()) {
            Duration apart = Duration.between(da.instant().get(), db.instant().get()).abs();
            if (da.date().equals(db.date())) {
                return Tier.SAME_DAY;
            }
            return apart.compareTo(Duration.ofHours(72)) <= 0 ? Tier.WITHIN_72H : Tier.WITHIN_WINDOW;
        }
        if (da.isDayExact() && db.isDayExact() && da.date().equals(db.date())) {
            return Tier.SAME_DAY;
        }
        long g = gap.orElse(Long.MAX_VALUE);
        boolean exact = da.isDayExact() && db.isDayExact();
        return exact && g <= 3 ? Tier.WITHIN_72H : Tier.WITHIN_WINDOW;
    }
}
