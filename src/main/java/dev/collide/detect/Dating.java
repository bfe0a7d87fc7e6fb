package dev.collide.detect;

import dev.collide.extract.ReleaseDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a release event has its date (issue 13): the evidence that set it, the rule that put it before the evidence
 * that disagrees, and each piece of evidence in order of strength. {@code date} is empty when only bounding
 * evidence exists; then {@code onOrBefore} is the tightest bound (the earliest article that mentions the release).
 */
public record Dating(Optional<ReleaseDate> date, Optional<LocalDate> onOrBefore, Optional<Evidence> basis,
                     String reason, List<String> evidence) {
    public Dating {
        evidence = List.copyOf(evidence);
    }

    /** One line: the date (or its bound) and the evidence that set it. */
    public String summary() {
        String when = date.map(d -> "dated " + d).orElseGet(() -> "on or before " + onOrBefore.orElseThrow());
        return when + basis.map(b -> ", set by " + EvidenceStrength.describe(b)).orElse("") + "; rule: " + reason;
    }

    /** Explains the dating of evidence of one event, which must not be empty. */
    static Dating of(List<Evidence> group) {
        List<Evidence> sorted = new ArrayList<>(group);
        sorted.sort(EvidenceStrength.STRONGEST_FIRST);
        List<String> lines = new ArrayList<>();
        sorted.forEach(e -> lines.add(EvidenceStrength.describe(e)));
        Evidence strongest = sorted.get(0);
        Optional<LocalDate> bound = Optional.empty();
        for (Evidence e : sorted) {
            if (EvidenceStrength.isInferred(e)) {
                LocalDate b = EvidenceStrength.bound(e);
                bound = Optional.of(bound.filter(x -> x.isBefore(b)).orElse(b));
            }
        }
        if (EvidenceStrength.isBounding(strongest)) {
            return new Dating(Optional.empty(), bound, Optional.empty(), "only undated mentions: released on or"
                    + " before " + bound.orElseThrow() + " (the earliest article naming it); too vague to collide",
                    lines);
        }
        Evidence basis = EvidenceStrength.basis(sorted);
        Evidence rival = null;
        for (Evidence e : sorted) {
            if (!e.date().equals(basis.date())) {
                rival = e;
                break;
            }
        }
        String reason;
        if (basis != strongest) {
            reason = "an article's day within a stated vaguer date narrows it: " + EvidenceStrength.describe(strongest)
                    + ", which holds " + basis.date();
        } else {
            reason = rival == null
                    ? (sorted.size() == 1 ? "the only dated evidence" : "all dated evidence agrees")
                    : ruleOver(strongest, rival);
        }
        if (bound.isPresent() && basis.date().earliest().isAfter(bound.get())) {
            reason += "; note: an article of " + bound.get() + " already named it";
        }
        return new Dating(Optional.of(basis.date()), bound, Optional.of(basis), reason, lines);
    }

    private static String ruleOver(Evidence a, Evidence b) {
        String over = " over " + EvidenceStrength.describe(b);
        if (EvidenceStrength.isBounding(a) != EvidenceStrength.isBounding(b)) {
            return "a stated date over a mere bound" + over;
        }
        if (EvidenceStrength.isInferred(a) != EvidenceStrength.isInferred(b)) {
            return "a stated date over one inferred from an article's date" + over;
        }
        if (a.date().isDayExact() != b.date().isDayExact()) {
            return "a stated day over a vaguer date" + over;
        }
        if (EvidenceStrength.isOwn(a) != EvidenceStrength.isOwn(b)) {
            return "the lab's own post or hub record over a third party" + over;
        }
        if (EvidenceStrength.isOwn(a) && a.kind() != b.kind()) {
            return "a " + a.kind() + " over a " + b.kind() + over;
        }
        if (a.date().precision() != b.date().precision()) {
            return "the finer precision" + over;
        }
        if (!a.date().earliest().equals(b.date().earliest())) {
            return "the earlier report" + over;
        }
        return "the higher confidence" + over;
    }
}
