package dev.collide.detect;

import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges release evidence into one event per (lab, family). The date comes from the strongest evidence: day-exact
 * over vague, then a hub record over a lab's own post over news, then the finer precision, the higher confidence
 * and the earlier date. Confidence grows with independent stories: near-duplicate copies count once.
 */
public final class EventBuilder {
    /** SimHash fingerprints this close (in differing bits) are copies of one story. */
    static final int NEAR_DUPLICATE_BITS = 3;

    private static final Comparator<Evidence> STRONGEST_FIRST = Comparator
            .comparing((Evidence e) -> !e.date().isDayExact())
            .thenComparing(e -> -kindRank(e.kind()))
            .thenComparing(e -> e.date().precision())
            .thenComparing(e -> -e.confidence())
            .thenComparing(e -> e.date().earliest())
            .thenComparing(Evidence::mentionId);

    /** Builds events from release mentions; evidence of non-releases must be filtered out by the caller. */
    public List<ReleaseEvent> build(List<Evidence> evidence) {
        Map<String, List<Evidence>> byEvent = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            byEvent.computeIfAbsent(e.lab() + "|" + e.family(), k -> new ArrayList<>()).add(e);
        }
        List<ReleaseEvent> events = new ArrayList<>(byEvent.size());
        for (List<Evidence> group : byEvent.values()) {
            events.add(buildOne(group));
        }
        return events;
    }

    ReleaseEvent buildOne(List<Evidence> group) {
        List<Evidence> sorted = new ArrayList<>(group);
        sorted.sort(STRONGEST_FIRST);
        Evidence strongest = sorted.get(0);
        List<Long> stories = new ArrayList<>();
        Map<Long, Double> bestPerArticle = new HashMap<>();
        for (Evidence e : sorted) {
            bestPerArticle.merge(e.articleId(), e.confidence(), Math::max);
        }
        // one independent story per cluster of near-duplicate articles, weighted by its best mention
        List<Double> storyConfidence = new ArrayList<>();
        Map<Long, Long> fingerprintOfArticle = new HashMap<>();
        sorted.forEach(e -> fingerprintOfArticle.putIfAbsent(e.articleId(), e.fingerprint()));
        for (Map.Entry<Long, Double> article : bestPerArticle.entrySet()) {
            long fp = fingerprintOfArticle.get(article.getKey());
            int match = -1;
            for (int i = 0; i < stories.size(); i++) {
                if (fp != 0 && Long.bitCount(stories.get(i) ^ fp) <= NEAR_DUPLICATE_BITS) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                stories.add(fp);
                storyConfidence.add(article.getValue());
            } else {
                storyConfidence.set(match, Math.max(storyConfidence.get(match), article.getValue()));
            }
        }
        double miss = 1;
        for (double c : storyConfidence) {
            miss *= 1 - c;
        }
        Optional<ReleaseDate> date = Optional.of(strongest.date());
        String id = ReleaseEvent.idFor(strongest.lab(), strongest.family());
        return new ReleaseEvent(id, strongest.lab(), strongest.family(), displayName(sorted), date, 1 - miss,
                storyConfidence.size(), sorted);
    }

    /** The family's own name where a mention used it, else the shortest model name seen. */
    private static String displayName(List<Evidence> sorted) {
        return sorted.stream().map(Evidence::model)
                .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    private static int kindRank(ArticleKind kind) {
        return switch (kind) {
            case HUB_RECORD -> 2;
            case LAB_POST -> 1;
            case NEWS -> 0;
        };
    }
}
