package dev.collide.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Sentences that name no model but date the releases of earlier ones (for {@link DictionaryExtractor}): a
 * follow-up about "these models", a model card's release-date field, an opening participle ("Released in March
 * 2025, it ...") about the previous sentence's subject. They change the mentions of the {@link ArticleContext}.
 * Thread-safe.
 */
final class FollowUpDates {
    private final ReleaseClassifier classifier;
    private final ReleaseDateReader dates;

    FollowUpDates(ReleaseClassifier classifier, ReleaseDateReader dates) {
        this.classifier = classifier;
        this.dates = dates;
    }

    /**
     * A sentence that names no model but speaks of the models of the sentence before ("these models", "the two
     * models", "both") and dates their release ("Announced on August 5, these models are now available"): the
     * releases that only the article dated take that date.
     */
    void dateFollowUp(String text, int from, int to, Optional<LocalDate> today, List<Mention> undated,
                      ArticleContext ctx) {
        if (!Anaphora.mayHaveAnaphor(text, from, to)) {
            return; // most sentences: no tokens built
        }
        Words words = Words.of(text, from, to);
        if (!Anaphora.hasAnaphor(words) || !classifier.isUnnamedRelease(text, words, from, to)) {
            return;
        }
        List<DateSpan> spans = dates.read(text, from, to, words, today, ctx.anchor);
        if (spans.isEmpty() || ArticleContext.isFuture(spans.get(0).date(), today)) {
            return;
        }
        for (Mention u : undated) {
            String key = u.lab() + "/" + u.modelId();
            Mention m = ctx.mentions.get(key);
            if (m == u && !ctx.stated.contains(key)) {
                ctx.mentions.put(key, new Mention(m.lab(), m.modelId(), m.model(), m.family(), true,
                        spans.get(0).date(), m.confidence(), m.evidence()));
                ctx.stated.add(key);
            }
        }
    }

    /** Labels of a release-date field, each with its colon (matched as the text's ':' or '：'). */
    private static final List<String> DATE_FIELDS = List.of("release date:", "launch date:", "released:",
            "launched:", "release:", "发布日期:", "发布时间:");

    /**
     * A model card's field ("Model launch date: Dec 05, 2031", "Release date: 2031-03-01") in a sentence that
     * names no model: the date of the model the page is about, the first one it named. Other fields (an end-of-life
     * or cut-off date) are not read.
     */
    void dateFromField(String text, int from, int to, Optional<LocalDate> today, ArticleContext ctx) {
        if (!ctx.hasColon(text, from, to)) {
            return; // most sentences: no field label without its colon
        }
        int field = -1;
        for (int colon = from; colon < to && field < 0; colon++) {
            char c = text.charAt(colon);
            if (c != ':' && c != '：') {
                continue; // the scan stays inside the sentence and builds nothing until a field label is seen
            }
            for (String f : DATE_FIELDS) {
                int at = colon + 1 - f.length();
                if (at >= from && text.regionMatches(true, at, f, 0, f.length() - 1)
                        && (at == from || !Character.isLetter(text.charAt(at - 1)))) {
                    field = colon + 1;
                    break;
                }
            }
        }
        if (field < 0) {
            return;
        }
        Words words = Words.of(text, from, to);
        for (DateSpan s : dates.read(text, from, to, words, today, ctx.anchor)) {
            if (s.start() >= field && text.substring(field, s.start()).isBlank()
                    && !ArticleContext.isFuture(s.date(), today)) {
                var first = ctx.mentions.entrySet().iterator().next();
                Mention m = first.getValue();
                ctx.mentions.put(first.getKey(), new Mention(m.lab(), m.modelId(), m.model(), m.family(), true,
                        s.date(), Math.max(m.confidence(), 0.7), m.evidence()));
                ctx.stated.add(first.getKey());
                return;
            }
        }
    }

    /** The sentence opens with a capitalised past participle ("Released", "Launched") and a comma follows. */
    static boolean startsWithParticiple(String text, int from, int to) {
        int i = from;
        while (i < to && i - from < 16 && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i - from >= 5 && i < to && text.charAt(i) == ' ' && Character.isUpperCase(text.charAt(from))
                && text.startsWith("ed", i - 2) && text.indexOf(',', i) > 0 && text.indexOf(',', i) < to;
    }

    /** "Released in March 2025 as an open model, it ...": the subject "it" is the previous sentence's model. */
    void datePreviousSubject(String text, int from, int to, Optional<LocalDate> today, String key,
                             ArticleContext ctx) {
        Words words = Words.of(text, from, to);
        if ((words.get(0).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) == 0) {
            return;
        }
        int comma = text.indexOf(',', from);
        int after = words.indexAt(comma + 1);
        String subject = words.text(after);
        if (!subject.equals("it") && !subject.equals("they") && !(subject.equals("the")
                && Anaphora.ANAPHOR_HEADS.contains(words.text(after + 1)))) {
            return;
        }
        if (classifier.isPrediction(text, words, from, comma)) {
            return;
        }
        List<DateSpan> spans = dates.read(text, from, comma, words, today, ctx.anchor);
        Mention m = ctx.mentions.get(key);
        if (spans.isEmpty() || m == null || ArticleContext.isFuture(spans.get(0).date(), today)) {
            return;
        }
        ctx.mentions.put(key, new Mention(m.lab(), m.modelId(), m.model(), m.family(), true, spans.get(0).date(),
                Math.max(m.confidence(), 0.7), m.evidence()));
        ctx.stated.add(key);
    }
}
