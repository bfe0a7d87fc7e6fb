package dev.collide.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drops the dates of a sentence that belong to another kind of event than a release (a preprint, a market day, a
 * retirement, a training cut-off), so that a name is not dated by them. Thread-safe.
 */
final class OtherEventDates {
    /** Words that, just before a date, make it the day of something else than a release. */
    private static final Set<String> OTHER_EVENTS = Vocabulary.of("arxiv", "preprint", "stock", "stocks", "shares",
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

    /**
     * The name's clause dates it by a past year only ("last year's release of Llama 9", "launched in 2030"): the
     * release is not the story's day, and a year alone is no release date (the corpus's rule), so no release is kept.
     */
    static boolean hasPastYear(Words w, Clauses clauses, int sentenceEnd, ModelName name,
                               Optional<LocalDate> today) {
        if (today.isEmpty()) {
            return false;
        }
        int c = clauses.indexOf(name.start());
        int year = today.get().getYear();
        // the name's clause and the one after it ("OpenAI's o9, released last year")
        int end = clauses.end(Math.min(c + 1, clauses.count() - 1), sentenceEnd);
        for (int k = w.indexAt(clauses.start(c)); k < w.size() && w.get(k).start() < end; k++) {
            String t = w.text(k);
            if (t.equals("year") && w.text(k - 1).equals("last") || t.equals("year's") && w.text(k - 1).equals("last")) {
                return true;
            }
            if (w.get(k).isNumber() && t.length() == 4 && w.get(k).value() < year && w.get(k).value() > 1990
                    && (w.text(k - 1).equals("in") || w.text(k - 1).equals("during")) && !isPartOfDate(w, k)) {
                return true;
            }
        }
        return false;
    }

    /** "in 2030" right after a month or a day ("March 3, 2030" is read as a date, not a year alone). */
    private static boolean isPartOfDate(Words w, int k) {
        return ReleaseDateReader.MONTHS.containsKey(w.text(k + 1)) || w.text(k + 1).equals("-")
                || w.text(k + 1).equals("/");
    }
}
