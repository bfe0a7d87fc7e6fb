package dev.collide.detect;

import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * How strongly one piece of evidence dates a release (issue 13). Strongest first: evidence that states a date over
 * evidence that only bounds it (an undated mention dated by its article: released on or before that day); a date
 * the text states over one inferred from its article (whatever their precision: an article's day is no stated
 * day); a stated day over anything vaguer; the lab's own post or a hub record over news and other labs' posts; the
 * finer precision (day, week, month); the earlier report; the higher confidence.
 */
final class EvidenceStrength {
    static final Comparator<Evidence> STRONGEST_FIRST = Comparator
            .comparing(EvidenceStrength::isBounding)
            .thenComparing(EvidenceStrength::isInferred) // a stated month over an inferred day or week
            .thenComparing((Evidence e) -> !e.date().isDayExact())
            .thenComparing(e -> !isOwn(e))
            .thenComparing(e -> -(isOwn(e) ? kindRank(e.kind()) : 0)) // another lab's post counts as news
            .thenComparing(e -> e.date().precision())
            .thenComparing(e -> e.date().earliest())
            .thenComparing(e -> -e.confidence())
            .thenComparing(Evidence::mentionId);

    private EvidenceStrength() {
    }

    /** A hub record, or a post by the lab whose release it names (a source with {@code lab:} set to it). */
    static boolean isOwn(Evidence e) {
        return switch (e.kind()) {
            case HUB_RECORD -> true;
            case LAB_POST -> e.articleLab().map(e.lab()::equals).orElse(true);
            case NEWS -> false;
        };
    }

    /** Words that refer back to a launch already past: "since the launch of X", "X, released last year". */
    private static final java.util.regex.Pattern BACK_REFERENCE = java.util.regex.Pattern.compile(
            "\\b(the|its|since|after|following|before|with|post)[- ](launch|release|debut|arrival|introduction)"
                    + " of\\b|\\bsince (the )?(launch|release)|\\b(earlier|last) (this )?(year|month|week|spring|summer"
                    + "|autumn|fall|winter)\\b|\\bago\\b|\\bpreviously\\b|\\bhad (been )?(released|launched|unveiled)"
                    + "|\\bpredecessor\\b|\\bsuccessor to\\b|\\bsucceeds\\b"
                    + "|\\b(recent|earlier|previous|prior|last) (launch|release|debut) of\\b"
                    + "|\\bsince\\b[^.;]{0,40}\\b(was|were) (released|launched|unveiled|introduced)\\b");

    /**
     * Bounding evidence: an inferred date (see {@link #isInferred}) in a sentence that refers back to a launch
     * already past ("since the launch of Qwen 2.5-Max"): it only says "on or before the article" and never dates
     * the release.
     */
    static boolean isBounding(Evidence e) {
        return isInferred(e) && BACK_REFERENCE.matcher(e.sentence().toLowerCase(java.util.Locale.ROOT)).find();
    }

    /**
     * The extractor dates a release the text gives no date for by its article (its day), and says so
     * ({@link Evidence#dateFromArticle}). Such a date is the weakest: below any stated date. A lab's own post or a
     * hub record dated by its publication is the announcement itself, so it is not inferred. Evidence stored before
     * the extractor said so counts as inferred when its date is its article's day (or week: older extractors dated
     * news by the story's week), as "today" in a story cannot be told from no date at all.
     */
    static boolean isInferred(Evidence e) {
        if (e.publishedAt().isEmpty() || isOwn(e)) {
            return false;
        }
        if (e.dateFromArticle().isPresent()) {
            return e.dateFromArticle().get();
        }
        LocalDate published = LocalDate.ofInstant(e.publishedAt().get(), ZoneOffset.UTC);
        ReleaseDate d = e.date();
        boolean articleDay = d.precision() == Precision.DAY && d.date().equals(published);
        return switch (e.kind()) {
            case NEWS -> articleDay || d.precision() == Precision.WEEK && d.equals(ReleaseDate.ofWeek(published));
            case LAB_POST -> articleDay;
            case HUB_RECORD -> false;
        };
    }

    /**
     * The evidence whose date the event takes, from evidence sorted {@link #STRONGEST_FIRST}: the strongest, except
     * that when it states only a week or month, the earliest undated report whose article's day falls within it
     * narrows it to that day ("Llama 9 came out in July" and an undated launch post of July 23: July 23).
     * The stated date still rules: an article's day outside it never moves it.
     */
    static Evidence basis(List<Evidence> sorted) {
        Evidence strongest = sorted.get(0);
        if (isBounding(strongest) || isInferred(strongest) || strongest.date().isDayExact()) {
            return strongest;
        }
        for (Evidence e : sorted) {
            if (isInferred(e) && !isBounding(e) && e.date().isDayExact()
                    && !e.date().earliest().isBefore(strongest.date().earliest())
                    && !e.date().latest().isAfter(strongest.date().latest())) {
                return e;
            }
        }
        return strongest;
    }

    /** A lab's own post or hub record the text of which gives no date: dated by its own publication. */
    private static boolean isDatedByOwnPublication(Evidence e) {
        return isOwn(e) && e.dateFromArticle().orElse(false);
    }

    /** The day the article was published: the bound of bounding evidence. */
    static LocalDate bound(Evidence e) {
        return LocalDate.ofInstant(e.publishedAt().orElseThrow(), ZoneOffset.UTC);
    }

    static int kindRank(ArticleKind kind) {
        return switch (kind) {
            case HUB_RECORD -> 2;
            case LAB_POST -> 1;
            case NEWS -> 0;
        };
    }

    /** Who the evidence comes from, in the words of an explanation. */
    static String describe(Evidence e) {
        String who = switch (e.kind()) {
            case HUB_RECORD -> "hub record";
            case LAB_POST -> isOwn(e) ? "the lab's own post" : "a post by " + e.articleLab().orElse("another lab");
            case NEWS -> "news story";
        };
        String how = isBounding(e) ? "refers back to it, no date; published " + bound(e)
                : isInferred(e) ? "no date in the text; inferred " + e.date() + " from its article of " + bound(e)
                : isDatedByOwnPublication(e) ? "no date in the text; its own publication, " + e.date()
                + " (" + e.date().precision().name().toLowerCase(java.util.Locale.ROOT) + ")"
                : "states " + e.date() + " (" + e.date().precision().name().toLowerCase(java.util.Locale.ROOT) + ")";
        // the title and source, not the link: a link may be anything (javascript:) and pages print this line
        return who + " \"" + e.title() + "\" (" + e.sourceId() + ", mention " + e.mentionId() + "): " + how;
    }
}
