package dev.collide.extract;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which date of a sentence belongs to which name: the nearest in the name's own clause; else the nearest in a
 * relative clause right after the name ("V9, which came out in March"); else the nearest in a clause that names no
 * other model and is no other name's relative clause ("On January 20, DeepSeek released R1"); else, when the name is
 * alone in the sentence, the nearest anywhere.
 */
final class DateChoice {
    private DateChoice() {
    }

    static Optional<ReleaseDate> pick(ModelName name, List<ModelName> all, List<DateSpan> spans, Clauses clauses,
                                      Words w) {
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        int clause = clauses.indexOf(name.start());
        DateSpan own = nearest(name, spans, s -> clauses.indexOf(s.start()) == clause);
        if (own != null && own.end() <= name.start() && isClaimedBefore(own, name, all, clauses)) {
            // "Qwen9 arrived in April and GPT-9 landed in August": April is the date of the name before it
            DateSpan after = nearest(name, spans, s -> clauses.indexOf(s.start()) == clause
                    && s.start() >= name.end() && !hasNameBetween(all, name.end(), s.start()));
            own = after != null ? after : own;
        }
        if (own != null) {
            return Optional.of(own.date());
        }
        DateSpan relative = nearest(name, spans, s -> ownerOf(clauses.indexOf(s.start()), all, clauses, w) == name);
        if (relative != null) {
            return Optional.of(relative.date());
        }
        DateSpan free = nearest(name, spans, s -> {
            int c = clauses.indexOf(s.start());
            for (ModelName n : all) {
                if (clauses.indexOf(n.start()) == c) {
                    return false;
                }
            }
            // "GLM-9.6 arrives two months after GLM-9.5, which came out in July": July is GLM-9.5's
            return ownerOf(c, all, clauses, w) == null;
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

    /**
     * The name a relative clause speaks of: clause {@code c} opens with "which" or "whose", or with a comma and a
     * release participle (", released in February"), right after the name (only punctuation between); else null.
     */
    private static ModelName ownerOf(int c, List<ModelName> all, Clauses clauses, Words w) {
        if (c == 0) {
            return null;
        }
        int start = clauses.start(c);
        int k = w.indexAt(start);
        while (k < w.size() && !w.get(k).isWord() && !w.get(k).isNumber()) {
            k++;
        }
        String opener = w.text(k);
        boolean relative = opener.equals("which") || opener.equals("whose")
                || isComma(w.text(w.indexAt(start))) && opener.endsWith("ed")
                && (w.get(k).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) != 0;
        if (!relative || k >= w.size()) {
            return null;
        }
        ModelName before = null;
        for (ModelName n : all) {
            if (n.end() <= start) {
                before = n;
            }
        }
        if (before == null) {
            return null;
        }
        for (int j = w.indexAt(before.end()); j < k; j++) {
            if (w.get(j).isWord() || w.get(j).isNumber()) {
                return null;
            }
        }
        return before;
    }

    private static boolean isComma(String token) {
        return token.equals(",") || token.equals("，");
    }

    /** Another name of the clause stands before {@code date} with no name between them: the date follows it. */
    private static boolean isClaimedBefore(DateSpan date, ModelName name, List<ModelName> all, Clauses clauses) {
        int clause = clauses.indexOf(date.start());
        for (ModelName n : all) {
            if (n != name && n.end() <= date.start() && clauses.indexOf(n.start()) == clause
                    && !hasNameBetween(all, n.end(), date.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNameBetween(List<ModelName> all, int from, int to) {
        for (ModelName n : all) {
            if (n.start() >= from && n.end() <= to) {
                return true;
            }
        }
        return false;
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
