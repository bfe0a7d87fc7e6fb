package dev.collide.detect;

import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * How strongly one piece of evidence dates a release (issue 13). Strongest first: evidence that states a date over
 * evidence that only bounds it (an undated mention dated by its article: released on or before that day); a stated
 * day over anything vaguer; the lab's own post or a hub record over news and other labs' posts; the finer
 * precision (day, week, month); the earlier report; the higher confidence.
 */
final class EvidenceStrength {
    static final Comparator<Evidence> STRONGEST_FIRST = Comparator
            .comparing(EvidenceStrength::isBounding)
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

    /**
     * The extractor dates a release the text gives no date for by its article (news: the article's week; a lab
     * post: its day). Such a date only says "on or before the article". A lab's own post dated by its day is the
     * announcement itself, so it is not bounding.
     */
    static boolean isBounding(Evidence e) {
        if (e.publishedAt().isEmpty() || isOwn(e)) {
            return false;
        }
        LocalDate published = LocalDate.ofInstant(e.publishedAt().get(), ZoneOffset.UTC);
        ReleaseDate d = e.date();
        return switch (e.kind()) {
            case NEWS -> d.precision() == Precision.WEEK && d.equals(ReleaseDate.ofWeek(published));
            case LAB_POST -> d.precision() == Precision.DAY && d.date().equals(published);
            case HUB_RECORD -> false;
        };
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
        String how = isBounding(e) ? "no date in the text; published " + bound(e)
                : "states " + e.date() + " (" + e.date().precision().name().toLowerCase(java.util.Locale.ROOT) + ")";
        // the title and source, not the link: a link may be anything (javascript:) and pages print this line
        return who + " \"" + e.title() + "\" (" + e.sourceId() + ", mention " + e.mentionId() + "): " + how;
    }
}
