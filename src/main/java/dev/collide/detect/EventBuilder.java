package dev.collide.detect;

import dev.collide.extract.NearDuplicates;
import dev.collide.extract.ReleaseDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges release evidence into one event per (lab, launch): see {@link Launches} for what is one launch. The date
 * comes from the strongest evidence (see {@link EvidenceStrength}); evidence that only bounds the date never sets
 * it, and an event with nothing else has no date (it is "on or before" its earliest article, see {@link Dating}).
 * Confidence grows with independent stories: near-duplicate copies count once.
 */
public final class EventBuilder {
    private static final Comparator<Evidence> STRONGEST_FIRST = EvidenceStrength.STRONGEST_FIRST;

    /** Why the event built from this evidence has its date; the evidence must not be empty. */
    public Dating explain(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("no evidence to explain");
        }
        return Dating.of(evidence);
    }

    /**
     * Why the event {@code eventId} has its date, rebuilt from evidence that includes all of its own (more is
     * fine: other events built from it are ignored). Empty when that evidence builds no such event.
     */
    public Optional<Dating> explain(String eventId, List<Evidence> evidence) {
        for (ReleaseEvent e : build(evidence)) {
            if (e.id().equals(eventId)) {
                return Optional.of(Dating.of(e.evidence()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an event of family {@code launch} may be built from mentions the extractor gave {@code family}
     * (the family itself, or a point release, update or variant of it, see {@link Launches}): a store uses it to
     * find the stored events a rebuild of {@code family} no longer gives.
     */
    public static boolean isLaunchOf(String launch, String family) {
        return Launches.isLaunchOf(launch, family);
    }

    /** Builds events from release mentions; evidence of non-releases must be filtered out by the caller. */
    public List<ReleaseEvent> build(List<Evidence> evidence) {
        // keyed by family alone (no string building per row); the rare family name two labs share is split below
        Map<String, List<Evidence>> byFamily = new LinkedHashMap<>(Math.max(16, evidence.size() * 2));
        Map<String, String> variantOf = new HashMap<>(); // launch key of a variant -> the family it varies
        for (Evidence e : evidence) {
            Optional<String> launch = Launches.familyOf(e);
            if (launch.isEmpty()) {
                continue; // a size, an app or a lab name alone: no release
            }
            Evidence keyed = e;
            if (!launch.get().equals(e.family())) {
                variantOf.putIfAbsent(launch.get(), e.family());
                keyed = withFamily(e, launch.get());
            }
            byFamily.computeIfAbsent(keyed.family(), k -> new ArrayList<>(2)).add(keyed);
        }
        List<List<Evidence>> groups = new ArrayList<>(byFamily.size());
        for (List<Evidence> group : byFamily.values()) {
            String lab = group.get(0).lab();
            boolean oneLab = true;
            for (int i = 1; i < group.size() && oneLab; i++) {
                oneLab = group.get(i).lab().equals(lab);
            }
            if (oneLab) {
                groups.add(group);
            } else {
                Map<String, List<Evidence>> byLab = new LinkedHashMap<>();
                group.forEach(e -> byLab.computeIfAbsent(e.lab(), k -> new ArrayList<>()).add(e));
                groups.addAll(byLab.values());
            }
        }
        if (!variantOf.isEmpty()) {
            groups = mergeSameDayVariants(groups, variantOf);
        }
        List<ReleaseEvent> events = new ArrayList<>(groups.size());
        groups.forEach(g -> events.add(buildOne(g)));
        return events;
    }

    /**
     * Issue 13: "-Preview vs the final" are two launches only when they are two releases. The plain name released
     * the same day as the lab's variant ("DeepSeek V9 Preview Release ... Today we release DeepSeek V9 as a
     * preview") is the variant's one announcement, so its evidence joins the variant's event: the plain name's date
     * and the variant's must contain one another (the same day, or a stated week or month that holds that day).
     * A plain name dated otherwise, or only bounded, stays a launch of its own, so a later final keeps its date.
     */
    private static List<List<Evidence>> mergeSameDayVariants(List<List<Evidence>> groups,
                                                             Map<String, String> variantOf) {
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Evidence first = groups.get(i).get(0);
            indexByKey.put(first.lab() + "|" + first.family(), i);
        }
        List<List<Evidence>> merged = new ArrayList<>(groups);
        boolean[] gone = new boolean[groups.size()];
        for (int v = 0; v < groups.size(); v++) {
            Evidence first = groups.get(v).get(0);
            String base = variantOf.get(first.family());
            Integer b = base == null ? null : indexByKey.get(first.lab() + "|" + base);
            if (b == null || gone[b] || !isSameRelease(groups.get(b), groups.get(v))) {
                continue;
            }
            List<Evidence> joined = new ArrayList<>(merged.get(v));
            groups.get(b).forEach(e -> joined.add(withFamily(e, first.family())));
            merged.set(v, joined);
            gone[b] = true;
        }
        List<List<Evidence>> result = new ArrayList<>(groups.size());
        for (int i = 0; i < merged.size(); i++) {
            if (!gone[i]) {
                result.add(merged.get(i));
            }
        }
        return result;
    }

    private static boolean isSameRelease(List<Evidence> plain, List<Evidence> variant) {
        Optional<ReleaseDate> p = dateOf(basis(plain));
        Optional<ReleaseDate> v = dateOf(basis(variant));
        return p.isPresent() && v.isPresent() && (contains(p.get(), v.get()) || contains(v.get(), p.get()));
    }

    private static boolean contains(ReleaseDate outer, ReleaseDate inner) {
        return !inner.earliest().isBefore(outer.earliest()) && !inner.latest().isAfter(outer.latest());
    }

    private static Evidence basis(List<Evidence> group) {
        List<Evidence> sorted = new ArrayList<>(group);
        sorted.sort(STRONGEST_FIRST);
        return EvidenceStrength.basis(sorted);
    }

    ReleaseEvent buildOne(List<Evidence> group) {
        if (group.size() == 1) { // the common case: one mention, one story
            Evidence only = group.get(0);
            return new ReleaseEvent(ReleaseEvent.idFor(only.lab(), only.family()), only.lab(), only.family(),
                    only.model(), dateOf(only), only.confidence(), 1, group);
        }
        List<Evidence> sorted = group;
        if (group.size() > 1) {
            sorted = new ArrayList<>(group);
            sorted.sort(STRONGEST_FIRST);
        }
        Evidence strongest = sorted.get(0);
        // one independent story per cluster of near-duplicate articles, weighted by its best mention
        List<Long> storyFingerprints = new ArrayList<>();
        List<Double> storyConfidence = new ArrayList<>();
        List<Long> seenArticles = new ArrayList<>();
        for (Evidence e : sorted) {
            int match = -1;
            for (int i = 0; i < storyFingerprints.size() && match < 0; i++) {
                boolean sameArticle = seenArticles.get(i) == e.articleId();
                boolean copy = e.fingerprint() != 0
                        && NearDuplicates.isNearDuplicate(storyFingerprints.get(i), e.fingerprint());
                if (sameArticle || copy) {
                    match = i;
                }
            }
            if (match < 0) {
                storyFingerprints.add(e.fingerprint());
                seenArticles.add(e.articleId());
                storyConfidence.add(e.confidence());
            } else {
                storyConfidence.set(match, Math.max(storyConfidence.get(match), e.confidence()));
            }
        }
        double miss = 1;
        for (double c : storyConfidence) {
            miss *= 1 - c;
        }
        String id = ReleaseEvent.idFor(strongest.lab(), strongest.family());
        return new ReleaseEvent(id, strongest.lab(), strongest.family(), displayName(sorted),
                dateOf(EvidenceStrength.basis(sorted)), 1 - miss, storyConfidence.size(), sorted);
    }

    /** The family's own name where a mention used it, else the shortest model name seen. */
    private static String displayName(List<Evidence> sorted) {
        String family = sorted.get(0).family();
        String best = null;
        boolean bestOwn = false;
        for (Evidence e : sorted) {
            String m = e.model();
            boolean own = e.modelId().equalsIgnoreCase(family);
            boolean better = best == null || (own && !bestOwn) || (own == bestOwn && (m.length() < best.length()
                    || (m.length() == best.length() && m.compareTo(best) < 0)));
            if (better) {
                best = m;
                bestOwn = own;
            }
        }
        return best;
    }

    /** Bounding evidence sorts last, so when the basis bounds, nothing states a date. */
    private static Optional<ReleaseDate> dateOf(Evidence basis) {
        return EvidenceStrength.isBounding(basis) ? Optional.empty() : Optional.of(basis.date());
    }

    private static Evidence withFamily(Evidence e, String family) {
        return new Evidence(e.mentionId(), e.articleId(), e.sourceId(), e.link(), e.title(), e.kind(), e.lab(),
                e.modelId(), e.model(), family, e.date(), e.confidence(), e.sentence(), e.fingerprint(),
                e.publishedAt(), e.articleLab(), e.dateFromArticle());
    }
}
