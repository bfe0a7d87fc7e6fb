package dev.collide.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Statements that two releases coincided (issue #3): "released within hours of each other", "in the same week",
 * "simultaneously", "同一天". Returns the largest gap in days that the wording allows; {@link #pair} pairs the
 * releases named around it. Thread-safe.
 */
final class CoReleaseReader {
    private record Cue(String phrase, int gapDays) {
    }

    // Tighter cues first: "the same day" inside "the same day and week" means 0.
    private static final List<Cue> CUES = List.of(
            new Cue("within hours", 0), new Cue("hours apart", 0), new Cue("hours of each other", 0),
            new Cue("within minutes", 0), new Cue("minutes apart", 0), new Cue("the same day", 0),
            new Cue("minutes after", 0), new Cue("minutes later", 0), new Cue("hours after", 1),
            new Cue("hours before", 1), new Cue("hours later", 1),
            new Cue("same-day", 0), new Cue("simultaneous", 0), new Cue("at the same time", 0),
            new Cue("同一天", 0), new Cue("同日", 0), new Cue("同时发布", 0), new Cue("同时开源", 0),
            new Cue("同时推出", 0), new Cue("同一时间", 0), new Cue("前后脚", 0),
            new Cue("a day apart", 1), new Cue("one day apart", 1), new Cue("back-to-back", 1),
            new Cue("back to back", 1), new Cue("within a day", 1), new Cue("within 24 hours", 1),
            new Cue("two days apart", 2), new Cue("within two days", 2), new Cue("three days apart", 3),
            new Cue("within three days", 3), new Cue("days apart", 3), new Cue("within days of each other", 3),
            new Cue("days of each other", 3), new Cue("the same week", 7), new Cue("within a week", 7),
            new Cue("a week apart", 7), new Cue("同一周", 7), new Cue("同周", 7), new Cue("the same month", 31),
            new Cue("同月", 31), new Cue("同一个月", 31));

    private static boolean hasCue(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '同' || c == '前') {
                return true;
            }
        }
        return false;
    }

    /** The gap a coincidence statement in {@code [from, to)} allows, or empty when there is none. */
    OptionalInt read(String text, int from, int to, Words words) {
        if (!words.has(from, to, Lexicon.COINCIDENCE) && !(words.hasHan() && hasCue(text, from, to))) {
            return OptionalInt.empty();
        }
        String s = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (Cue cue : CUES) {
            if (s.contains(cue.phrase())) {
                return OptionalInt.of(cue.gapDays());
            }
        }
        return OptionalInt.empty();
    }

    /** Words that put a name on the other side of a coincidence: "the same week as X", "alongside X". */
    private static final Set<String> OTHER_SIDE = Vocabulary.of("as", "alongside", "with");

    /** "Kimi K9 arrived the same week as MiniMax-M9": the name a few words after "as", "alongside" or "with". */
    static boolean isOtherSide(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
            if (OTHER_SIDE.contains(w.text(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A coincidence statement in the sentence pairs its releases; another lab's model on the other side of it
     * ({@link #isOtherSide}), read as a mention, is the other release.
     */
    void pairIn(String text, int from, int to, Words words, List<Mention> releases, List<Mention> otherSides,
                ArticleContext ctx, String evidence) {
        OptionalInt gap = read(text, from, to, words);
        if (gap.isEmpty()) {
            return;
        }
        List<Mention> sides = releases;
        if (otherSides != null) {
            sides = new ArrayList<>(releases);
            for (Mention m : otherSides) {
                if (releases.stream().noneMatch(r -> r.lab().equals(m.lab()))) {
                    Mention release = new Mention(m.lab(), m.modelId(), m.model(), m.family(), true, m.date(),
                            0.7, m.evidence(), m.dateFromArticle());
                    ctx.keep(release, !m.dateFromArticle());
                    sides.add(release);
                }
            }
        }
        pair(sides, ctx.lastRelease, gap.getAsInt(), evidence, ctx.coReleases);
    }

    /** Releases of different labs named in a coincidence sentence; one alone pairs with the previous release. */
    static void pair(List<Mention> releases, Mention previous, int gap, String evidence, List<CoRelease> out) {
        List<Mention> sides = new ArrayList<>(releases);
        boolean oneLab = sides.stream().map(Mention::lab).distinct().count() == 1;
        if (oneLab && previous != null && !previous.lab().equals(sides.get(0).lab())) {
            sides.add(0, previous);
        }
        for (int i = 0; i < sides.size(); i++) {
            for (int j = i + 1; j < sides.size(); j++) {
                Mention a = sides.get(i);
                Mention b = sides.get(j);
                CoRelease co = new CoRelease(a.lab(), a.family(), b.lab(), b.family(), gap, evidence);
                if (!a.lab().equals(b.lab()) && !out.contains(co)) {
                    out.add(co);
                }
            }
        }
    }
}
