package dev.collide.extract;

import dev.collide.source.Article;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-article reading state for {@link DictionaryExtractor}: what earlier sentences established (the labs they
 * named, the mentions kept, releases told before their model is named), and the rules that carry it from sentence
 * to sentence; the sentences that date earlier releases are {@link FollowUpDates}. One per article; not
 * thread-safe.
 */
final class ArticleContext {
    private final ReleaseClassifier classifier;

    Optional<ReleaseDate> anchor = Optional.empty();
    List<String> previousLabs = List.of();
    /** The labs the title names. */
    List<String> titleLabs = List.of();
    Mention lastRelease;
    boolean inHubTitle;
    boolean inTitle;
    Optional<ReleaseDate> articleDate = Optional.empty();
    final Map<String, Mention> mentions = new LinkedHashMap<>();
    /** Per lab, the date of a release the text states without naming the model ("they dropped it on a Saturday"). */
    final Map<String, ReleaseDate> unnamedReleases = new HashMap<>();
    /** Keys of the mentions whose date the text states (the others are dated by the article). */
    final Set<String> stated = new HashSet<>();
    final List<CoRelease> coReleases = new ArrayList<>();
    /** Keys of the releases of the sentence just read that only the article dates. */
    List<Mention> undatedReleases = List.of();
    /** Key of the model the sentence just read opened with (its subject), if any. */
    ModelName previousSubject;

    /** The text {@link #hasColon} last searched, from where, and its first ':' or '：' from there (-1: none). */
    private String colonText;
    private int colonSearchFrom;
    private int nextColon;

    ArticleContext(ReleaseClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Whether {@code text[from, to)} holds a colon, ':' or '：'. Sentences are asked in order, so the text is
     * searched for its next colon once per colon (by String.indexOf), not scanned sentence by sentence.
     */
    boolean hasColon(String text, int from, int to) {
        if (text != colonText || from < colonSearchFrom || nextColon >= 0 && nextColon < from) {
            colonText = text;
            colonSearchFrom = from;
            int ascii = text.indexOf(':', from);
            int wide = text.indexOf('：', from);
            nextColon = ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
        }
        return nextColon >= 0 && nextColon < to;
    }

    /**
     * The labs an unbranded name of the sentence may be of: the sentence's, the article's, and when the sentence
     * names none, those of the sentence before and of the title.
     */
    List<String> labsInContext(List<String> sentenceLabs, Optional<String> articleLab) {
        List<String> context = new ArrayList<>(sentenceLabs);
        if (articleLab.isPresent()) {
            addNew(context, articleLab.get());
        }
        if (sentenceLabs.isEmpty()) {
            for (String lab : previousLabs) {
                addNew(context, lab);
            }
            // "GPT-5, o3 and o4-mini are coming soon" ... "o1-preview was released in September 2024": the labs
            // the title names are the article's subject all through
            for (String lab : titleLabs) {
                addNew(context, lab);
            }
        }
        return context;
    }

    private static void addNew(List<String> labs, String lab) {
        if (!labs.contains(lab)) {
            labs.add(lab);
        }
    }

    /**
     * Records the labs of the sentence just read (and of the title) for the next; returns those of the sentence
     * before.
     */
    List<String> lendLabs(List<String> sentenceLabs) {
        // Only the sentence just before lends its labs ("DeepSeek had a busy week. On Monday it shipped V3.1.").
        List<String> before = previousLabs;
        previousLabs = sentenceLabs;
        if (inTitle) {
            for (String lab : sentenceLabs) {
                if (!titleLabs.contains(lab)) {
                    titleLabs = new ArrayList<>(titleLabs);
                    titleLabs.add(lab);
                }
            }
        }
        return before;
    }

    /**
     * One mention per model per article: a release beats a mention, then a date the text states beats the article's
     * date (a title "The Nemotron-9 release" over the body's "On 3 March 2031, NVIDIA ships it ..."), then a
     * finer date, then confidence.
     */
    void keep(Mention m, boolean stated) {
        String key = m.lab() + "/" + m.modelId();
        Mention old = this.mentions.get(key);
        if (old == null || isBetter(m, stated, old, this.stated.contains(key))) {
            this.mentions.put(key, m);
            if (stated) {
                this.stated.add(key);
            } else {
                this.stated.remove(key);
            }
        }
    }

    private static boolean isBetter(Mention a, boolean aStated, Mention b, boolean bStated) {
        if (a.release() != b.release()) {
            return a.release();
        }
        if (aStated != bStated) {
            return aStated;
        }
        if (a.date().precision() != b.date().precision()) {
            return a.date().precision().isFinerThan(b.date().precision());
        }
        return a.confidence() > b.confidence();
    }

    /** The mentions kept, in the order first read, dated by what the whole article said. */
    List<Mention> datedMentions() {
        List<Mention> out = new ArrayList<>();
        for (var e : mentions.entrySet()) {
            Mention m = e.getValue();
            ReleaseDate unnamed = unnamedReleases.get(m.lab());
            if (m.release() && unnamed != null && !stated.contains(e.getKey())) {
                // "On Monday, Mistral shipped two new models. ... Magistral Small 9 is open-weight": the model
                // named later was released on the day the story gave.
                m = new Mention(m.lab(), m.modelId(), m.model(), m.family(), true, unnamed, m.confidence(),
                        m.evidence());
            }
            if (m.release() && m.dateFromArticle()) {
                m = datedBySibling(m);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * "the Qwen 9.5 rollout ... Qwen9.5-397B-A17B announced on 2031-02-17": a release of a family that only the
     * article dates is the launch another name of that family has a stated date for.
     */
    private Mention datedBySibling(Mention m) {
        for (var e : mentions.entrySet()) {
            Mention o = e.getValue();
            if (o != m && o.release() && !o.dateFromArticle() && stated.contains(e.getKey())
                    && o.lab().equals(m.lab()) && o.family().equals(m.family())) {
                return new Mention(m.lab(), m.modelId(), m.model(), m.family(), true, o.date(), m.confidence(),
                        m.evidence());
            }
        }
        return m;
    }

    /** A dated release by a named lab, with no model name read: kept for the models later sentences name. */
    void rememberUnnamedRelease(String text, int from, int to, Words words, List<String> labs,
                                        List<DateSpan> spans) {
        if (labs.isEmpty() || spans.isEmpty() || !classifier.isUnnamedRelease(text, words, from, to)) {
            return;
        }
        for (String lab : labs) {
            unnamedReleases.putIfAbsent(lab, spans.get(0).date());
        }
    }

    private static final Set<String> INDEFINITE_OBJECT_FILLERS = Vocabulary.of("new", "open", "ai",
            "large", "small", "language", "reasoning", "open-source", "open-weight", "frontier", "flagship");

    /**
     * "On Thursday, Ai2 ... released a model that it claims outperforms DeepSeek V9": a lab that released a model
     * the sentence does not name (the names it gives are of other labs' models). Kept like an unnamed release, for
     * the name a later sentence gives.
     */
    void rememberIndefiniteRelease(String text, Words w, List<NameHit> hits, List<Mention> releases,
                                           List<DateSpan> spans, Clauses clauses, int to) {
        for (int k = 0; k + 2 < w.size(); k++) {
            if ((w.get(k).bits() & (Lexicon.STRONG_RELEASE | Lexicon.WEAK_RELEASE)) == 0
                    || !(w.text(k + 1).equals("a") || w.text(k + 1).equals("an"))) {
                continue;
            }
            int j = k + 2;
            while (j < w.size() && j < k + 6 && INDEFINITE_OBJECT_FILLERS.contains(w.text(j))) {
                j++;
            }
            if (!w.text(j).equals("model")) {
                continue;
            }
            int c = clauses.indexOf(w.get(k).start());
            if (classifier.isPrediction(text, w, clauses.start(c), clauses.end(c, to))) {
                return;
            }
            String lab = null;
            for (NameHit h : hits) {
                if (h.kind() == NameHit.Kind.ALIAS && h.end() <= w.get(k).start()) {
                    lab = h.lab(); // the last lab named before the verb: its subject
                }
            }
            String subject = lab;
            if (subject != null && releases.stream().noneMatch(m -> m.lab().equals(subject))) {
                unnamedReleases.putIfAbsent(subject, spans.get(0).date());
            }
            return;
        }
    }

    /** The date lies wholly after the article's day (a day of slack for time zones). */
    static boolean isFuture(ReleaseDate date, Optional<LocalDate> today) {
        return today.isPresent() && date.earliest().isAfter(today.get().plusDays(1));
    }

    /** A release with no date in the text is dated by the article, less precisely for news (reports lag). */
    static Optional<ReleaseDate> articleDate(Article article) {
        return article.publishedAt().map(at -> switch (article.kind()) {
            case HUB_RECORD -> ReleaseDate.ofInstant(at);
            case LAB_POST -> ReleaseDate.ofDay(LocalDate.ofInstant(at, ZoneOffset.UTC));
            case NEWS -> ReleaseDate.ofDay(LocalDate.ofInstant(at, ZoneOffset.UTC));
        });
    }
}
