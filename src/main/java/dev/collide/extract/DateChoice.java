package dev.collide.extract;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which date of a sentence belongs to which name: the nearest in the name's own clause; else the nearest in a
 * clause that names no other model ("On January 20, DeepSeek released R1"); else, when the name is alone in the
 * sentence, the nearest anywhere.
 */
final class DateChoice {
    private DateChoice() {
    }

    static Optional<ReleaseDate> pick(ModelName name, List<ModelName> all, List<DateSpan> spans, Clauses clauses) {
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        int clause = clauses.indexOf(name.start());
        DateSpan own = nearest(name, spans, s -> clauses.indexOf(s.start()) == clause);
        if (own != null) {
            return Optional.of(own.date());
        }
        DateSpan free = nearest(name, spans, s -> {
            int c = clauses.indexOf(s.start());
            for (ModelName n : all) {
                if (clauses.indexOf(n.start()) == c) {
                    return false;
                }
            }
            return true;
        });
        if (free != null) {
            return Optional.of(free.date());
        }
        boolean alone = true;
        for (ModelName n : all) {
            alone &= n.family().equals(name.family());
        }
        return alone ? Optional.of(nearest(name, spans, s -> true).date()) : Optional.empty();
    }

    private static DateSpan nearest(ModelName name, List<DateSpan> spans, Predicate<DateSpan> ok) {
        DateSpan best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (DateSpan s : spans) {
            if (ok.test(s)) {
                int d = Math.max(0, s.start() >= name.end() ? s.start() - name.end() : name.start() - s.end());
                if (d < bestDistance) {
                    best = s;
                    bestDistance = d;
                }
            }
        }
        return best;
    }
}
