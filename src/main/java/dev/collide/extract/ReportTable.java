package dev.collide.extract;

import java.util.Locale;

/** Prints a {@link CorpusEvaluation.Report} as {@code collide eval} shows it: the figures, then the misses. */
final class ReportTable {
    private ReportTable() {
    }

    /** The figures as a table, then, when {@code withMisses}, what went wrong per passage. */
    static String format(CorpusEvaluation.Report r, boolean withMisses) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                real-text evaluation: %d passages, %d required release tuples, %d passages without a release
                measure                                  value   counts
                strict precision (lab+model+date)       %6.3f   %d/%d
                strict recall                           %6.3f   %d/%d
                lenient precision (lab+model)           %6.3f   %d/%d
                lenient recall                          %6.3f   %d/%d
                day-exact (matched day-precision gold)  %6.3f   %d/%d
                false releases on no-release passages   %6d   in %d of %d passages
                """, r.passages(), r.required(), r.noReleasePassages(), r.strictPrecision(), r.strictRight(),
                r.strictEmitted(), r.strictRecall(), r.strictFound(), r.required(), r.lenientPrecision(),
                r.lenientRight(), r.lenientEmitted(), r.lenientRecall(), r.lenientFound(), r.required(), r.dayExact(),
                r.dayRight(), r.dayJudged(), r.falseReleasesOnNoRelease(), r.noReleasePassagesHit(),
                r.noReleasePassages()));
        if (withMisses) {
            for (CorpusEvaluation.Miss m : r.misses()) {
                out.append('\n').append(m.passage()).append('\n');
                m.missed().forEach(s -> out.append("  missed:        ").append(s).append('\n'));
                m.falseReleases().forEach(s -> out.append("  false release: ").append(s).append('\n'));
                out.append("  expected: ").append(m.expected().isEmpty() ? "(no release)"
                        : String.join("; ", m.expected())).append('\n');
                out.append("  found:    ").append(m.found().isEmpty() ? "(nothing)"
                        : String.join("; ", m.found())).append('\n');
            }
        }
        return out.toString();
    }
}
