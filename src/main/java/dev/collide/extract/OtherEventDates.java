package dev.collide.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops the dates of a sentence that belong to another kind of event than a release (a preprint, a market day, a
 * retirement, a training cut-off), so that a name is not dated by them. Thread-safe.
 */
final class OtherEventDates {
    /** Words that, just before a date, make it the day of something else than a release. */
    private static final Set<String> OTHER_EVENTS = Set.of("arxiv", "preprint", "stock", "stocks", "shares",
            "market", "sell-off", "selloff", "loss", "earnings", "cutoff", "cut-off", "knowledge", "trained",
            "training", "retired", "retirement", "deprecated", "deprecation", "shutdown", "sunset", "discontinued",
            "lawsuit", "hearing");

    private OtherEventDates() {
    }

    /**
     * The dates a release can have: not one that a few words before it tie to another kind of event ("posted to
     * arXiv on March 10", "a loss in market capitalisation on January 27", "knowledge cut-off of June 2024").
     */
    static List<DateSpan> releaseDates(Words words, List<DateSpan> spans) {
        List<DateSpan> out = null;
        for (int s = 0; s < spans.size(); s++) {
            DateSpan span = spans.get(s);
            boolean other = false;
            for (int k = words.indexAt(span.start()) - 1, seen = 0; k >= 0 && seen < 6 && !other; k--) {
                if (s > 0 && words.get(k).end() <= spans.get(s - 1).end()) {
                    break; // the words before belong to the previous date
                }
                if (words.get(k).isWord()) {
                    other = OTHER_EVENTS.contains(words.text(k));
                    seen++;
                }
            }
            if (other && out == null) {
                out = new ArrayList<>(spans.subList(0, s));
            } else if (!other && out != null) {
                out.add(span);
            }
        }
        return out == null ? spans : out;
    }
}
