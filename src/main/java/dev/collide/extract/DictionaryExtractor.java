package dev.collide.extract;

import dev.collide.config.ConfigLoader;
import dev.collide.config.Conference;
import dev.collide.config.Lab;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extractor (issue #3): finds lab and model names with one dictionary pass over the article, then, sentence by
 * sentence where a name was found, classifies release vs. mention, reads dates and coincidence statements. One
 * instance serves all threads. Bounded: at most {@link #MAX_CHARS} characters of an article are read, sentences are
 * cut at {@link SentenceSplitter#MAX_SENTENCE} characters, and any failure yields an empty extraction, logged.
 */
public final class DictionaryExtractor implements Extractor {
    /** 2 M characters of body: far beyond any real article; a 5 MB dump is read up to here. */
    static final int MAX_CHARS = 2_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(DictionaryExtractor.class);

    private final NameDictionary dictionary;
    private final ModelNameReader names;
    private final UnbrandedNameReader unbranded;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ReleaseClassifier classifier = new ReleaseClassifier();
    private final ReleaseDateReader dates;
    private final CoReleaseReader coReleases = new CoReleaseReader();
    private final FollowUpDates followUps;
    /** The learned release model over the rules', or null when the rules alone decide and no features are kept. */
    private final LearnedReleaseClassifier learned;

    /** With the conferences' editions the jar bundles (config/events.yml), for callers that know only the labs. */
    public DictionaryExtractor(List<Lab> labs) {
        this(labs, ConfigLoader.bundledConferences());
    }

    /** Dating "at re:Invent" by {@code conferences}; the bundled release model, or the rules alone (see README). */
    public DictionaryExtractor(List<Lab> labs, List<Conference> conferences) {
        this(labs, conferences, ReleaseModel.bundled().orElse(null), null);
    }

    /** The extractor with another release model (scoring a model before it is bundled). */
    public static DictionaryExtractor withModel(List<Lab> labs, List<Conference> conferences, ReleaseModel model) {
        return new DictionaryExtractor(labs, conferences, model, null);
    }

    DictionaryExtractor(List<Lab> labs, List<Conference> conferences, ReleaseModel model, FeatureSink sink) {
        this.dictionary = new NameDictionary(labs);
        this.names = new ModelNameReader(labs);
        this.unbranded = new UnbrandedNameReader(labs);
        this.dates = new ReleaseDateReader(new EventDates(conferences));
        this.followUps = new FollowUpDates(classifier, dates);
        this.learned = model == null && sink == null ? null : new LearnedReleaseClassifier(model, sink);
    }

    @Override
    public Extraction extract(Article article) {
        try {
            return extractChecked(article);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("extraction failed, article skipped: source={} guid={}", article.sourceId(), article.guid(), e);
            return Extraction.EMPTY;
        }
    }

    private Extraction extractChecked(Article article) {
        Optional<LocalDate> published = article.publishedAt().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
        Optional<LocalDate> today = article.kind() == ArticleKind.HUB_RECORD ? published
                : UrlDates.reference(article.link(), published);
        ArticleContext ctx = new ArticleContext(classifier);
        ctx.articleDate = today.equals(published) ? ArticleContext.articleDate(article) : today.map(ReleaseDate::ofDay);
        // The title is read as the first sentence(s), then the body, without copying the body into one string.
        // A hub record's title, and a lab's release-notes entry titled by the model alone ("GLM-9-Turbo"), name the
        // model the entry releases.
        ctx.inHubTitle = article.kind() == ArticleKind.HUB_RECORD
                || article.kind() == ArticleKind.LAB_POST && NameShapes.isNameOnlyTitle(article.title(), dictionary);
        ctx.inTitle = true;
        read(article, article.title(), today, ctx);
        ctx.inHubTitle = false;
        ctx.inTitle = false;
        String text = article.text();
        if (text.length() > MAX_CHARS) {
            LOG.debug("article longer than {} chars, rest ignored: source={} guid={}", MAX_CHARS, article.sourceId(),
                    article.guid());
            text = text.substring(0, MAX_CHARS);
        }
        read(article, text, today, ctx);
        if (ctx.mentions.isEmpty()) {
            return Extraction.EMPTY;
        }
        return new Extraction(ctx.datedMentions(), ctx.coReleases);
    }

    private void read(Article article, String text, Optional<LocalDate> today, ArticleContext ctx) {
        if (text.isBlank()) {
            return;
        }
        List<NameHit> hits = dictionary.find(text);
        // Without names a sentence can only hold an unbranded one ("V4" under a DeepSeek title) or date a past release
        if (hits.isEmpty() && article.lab().isEmpty() && (ctx.titleLabs.isEmpty()
                || !unbranded.hasPatterns(ctx.titleLabs) && ctx.mentions.isEmpty() && ctx.undatedReleases.isEmpty()
                && ctx.previousSubject == null)) {
            ctx.previousLabs = List.of();
            return;
        }
        int h = 0;
        for (int[] sentence : splitter.split(text)) {
            int from = sentence[0];
            int to = sentence[1];
            while (h < hits.size() && hits.get(h).start() < from) {
                h++;
            }
            int first = h;
            while (h < hits.size() && hits.get(h).start() < to) {
                h++;
            }
            readSentence(article, text, from, to, hits.subList(first, h), today, ctx);
        }
    }

    private void readSentence(Article article, String text, int from, int to, List<NameHit> hits,
                              Optional<LocalDate> today, ArticleContext ctx) {
        List<String> sentenceLabs = new ArrayList<>();
        List<ModelName> found = new ArrayList<>();
        List<ModelName> bare = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        names.readHits(text, hits, to, sentenceLabs, found, bare, taken);
        found.removeIf(NameShapes::isGeneric);
        List<String> context = ctx.labsInContext(sentenceLabs, article.lab());
        if (unbranded.hasPatterns(context)) {
            found.addAll(unbranded.read(text, from, to, context, taken));
            found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        List<String> previousLabs = ctx.lendLabs(sentenceLabs);
        List<Mention> undatedBefore = ctx.undatedReleases;
        ctx.undatedReleases = List.of();
        ModelName subjectBefore = ctx.previousSubject;
        ctx.previousSubject = null;
        if (subjectBefore != null && FollowUpDates.startsWithParticiple(text, from, to)) {
            // "X is a model developed by Y. Released in March 2025 as open weights, it ...": the opener dates the
            // model the sentence before was about.
            followUps.datePreviousSubject(text, from, to, today, subjectBefore.lab() + "/" + subjectBefore.modelId(),
                    ctx);
        }
        if (article.kind() == ArticleKind.LAB_POST && article.lab().isPresent()) {
            NameShapes.unlistedNames(text, from, to, article.lab().get(), taken, bare);
        }
        if (found.isEmpty() && hits.isEmpty() && bare.isEmpty()) {
            if (!undatedBefore.isEmpty()) {
                followUps.dateFollowUp(text, from, to, today, undatedBefore, ctx);
            }
            if (!ctx.mentions.isEmpty()) {
                followUps.dateFromField(text, from, to, today, ctx);
            }
            return;
        }
        Words words = Words.of(text, from, to);
        List<DateSpan> spans = dates.read(text, from, to, words, today, ctx.anchor);
        if (!spans.isEmpty()) {
            ctx.anchor = Optional.of(spans.get(spans.size() - 1).date());
        }
        for (ModelName b : bare) {
            if (NameShapes.isReleaseObject(words, b)) {
                found.add(b);
            }
        }
        Map<ModelName, ModelName> variantOf = VariantLists.read(text, words, to, found);
        if (!bare.isEmpty() || !variantOf.isEmpty()) {
            found.addAll(variantOf.keySet());
            found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        Map<ModelName, ReleaseClassifier.Verdict> verdictOf = variantOf.isEmpty() ? Map.of()
                : new java.util.IdentityHashMap<>();
        if (found.isEmpty()) {
            ctx.rememberUnnamedRelease(text, from, to, words, hits.isEmpty() ? previousLabs : sentenceLabs, spans);
            return;
        }
        Clauses clauses = Clauses.of(text, from, to, words);
        List<DateSpan> releaseSpans = OtherEventDates.releaseDates(words, spans);
        String evidence = SentenceSplitter.evidence(text, from, to);
        List<Mention> releases = new ArrayList<>();
        List<Mention> otherSides = null;
        ModelName previous = null;
        boolean previousRelease = false;
        for (ModelName name : found) {
            // A hub record (a model repo, a GitHub release) is the release of the model its title names.
            Optional<ReleaseDate> attached = AttachedDate.find(text, name, found, spans);
            ReleaseClassifier.Verdict verdict = ctx.inHubTitle ? new ReleaseClassifier.Verdict(true, 0.95)
                    : classifier.classify(text, words, clauses, to, name, article.kind());
            if (!ctx.inHubTitle && learned != null) {
                verdict = learned.classify(article, text, words, clauses, to, name, spans, verdict, ctx.inTitle);
            }
            if (attached.isPresent() && !verdict.release() && !classifier.isPrediction(text, words, clauses, to, name)
                    && NameTokens.dateCodeAgrees(name.modelId(), attached.get())) {
                // A list or table row: "Llama 9.1 70B (March 2031)" dates the model's release.
                verdict = new ReleaseClassifier.Verdict(true, 0.7);
            }
            if (!verdict.release() && ctx.unnamedReleases.containsKey(name.lab())
                    && classifier.isCueless(text, words, from, to)) {
                // "Nvidia shipped open models on Monday. The new ones are: Nemotron Nano 9, ...": the story
                // goes on about the release it told.
                verdict = new ReleaseClassifier.Verdict(true, 0.65);
            }
            if (!verdict.release() && ctx.unnamedReleases.containsKey(name.lab())
                    && NameShapes.isNamedAs(words, name)) {
                // "Ai2 released a model that ... . Ai2's model, called Tulu 9 405B, also beats ...": the name the
                // story gives the model it said was released
                verdict = new ReleaseClassifier.Verdict(true, 0.7);
            }
            if (verdict.release() && !ctx.inHubTitle && (NameShapes.isThirdParty(hits, name, clauses)
                    || HostPlatforms.isHostedByOther(text, words, clauses, to, name, hits))) {
                // "Microsoft now offers DeepSeek R9", "R9 is now on Amazon Bedrock": another company ships it
                verdict = new ReleaseClassifier.Verdict(false, 0.75);
            }
            if (previous != null && verdict.release() != previousRelease && attached.isEmpty()
                    && NameShapes.isListSeparator(text, previous.end(), name.start())
                    && (!previousRelease || !classifier.isPrediction(text, words, clauses, to, name))) {
                // "Competing models A, B, and C make ...", "We release A (two versions) and B": the members of a
                // list share its frame and its verb, however far
                verdict = new ReleaseClassifier.Verdict(previousRelease, 0.7);
            }
            if (verdict.release() && NameShapes.isApiIdOfAnotherName(name, found)) {
                // "claude-x-9-20310929 is the API id of Claude X 9": the id is another name of that model
                verdict = new ReleaseClassifier.Verdict(false, 0.7);
            }
            ModelName base = variantOf.get(name);
            if (base != null && verdictOf.containsKey(base)
                    && !classifier.isPrediction(text, words, clauses, to, name)) {
                // "the Llama 9 squad: Scout, Maverick", "while the Medium variant ...": the launch's verdict, here
                // or where the article reported it
                Mention reported = ctx.mentions.get(base.lab() + "/" + base.modelId());
                verdict = new ReleaseClassifier.Verdict(verdictOf.get(base).release()
                        || reported != null && reported.release(), 0.7);
            }
            if (!variantOf.isEmpty()) {
                verdictOf.put(name, verdict);
            }
            previous = name;
            previousRelease = verdict.release();
            if (attached.isEmpty() && verdict.release() && NameShapes.rowsWithDates(text, found, spans, name)) {
                // A table or list whose rows date their models: a name without its own date is a cell of another
                // column ("Recommended replacement"), not a release.
                verdict = new ReleaseClassifier.Verdict(false, 0.7);
            }
            Optional<ReleaseDate> stated = attached.or(() -> DateChoice.pick(name, found, releaseSpans, clauses, words));
            if (stated.isEmpty() && releaseSpans != spans && verdict.release()
                    && DateChoice.pick(name, found, spans, clauses, words).isPresent()) {
                // the only date the sentence gives the name is another event's (a retirement, a stock-market day)
                verdict = new ReleaseClassifier.Verdict(false, 0.7);
            }
            Optional<ReleaseDate> date = stated.or(() -> ctx.articleDate);
            if (date.isEmpty()) {
                continue;
            }
            if (verdict.release() && (ArticleContext.isFuture(date.get(), today) || stated.isEmpty()
                    && OtherEventDates.hasPastYear(words, clauses, to, name, today))) {
                // "is to ship in a few weeks": a plan; "last year's release of Llama 9": a year, not the story's day
                verdict = new ReleaseClassifier.Verdict(false, 0.8);
            }
            Mention m = new Mention(name.lab(), name.modelId(), name.display(), name.family(), verdict.release(),
                    date.get(), verdict.confidence(), evidence, stated.isEmpty());
            ctx.keep(m, stated.isPresent());
            if (m.release()) {
                releases.add(m);
            } else if (CoReleaseReader.isOtherSide(words, name) && !classifier.isPrediction(text, words, clauses, to,
                    name)) {
                (otherSides = otherSides == null ? new ArrayList<>() : otherSides).add(m);
            }
        }
        if (!releaseSpans.isEmpty()) {
            ctx.rememberIndefiniteRelease(text, words, hits, releases, releaseSpans, clauses, to);
        }
        List<Mention> undated = null;
        for (Mention m : releases) {
            if (m.dateFromArticle()) {
                if (undated == null) {
                    undated = new ArrayList<>(releases.size());
                }
                undated.add(m); // keys are made only if a follow-up sentence needs them
            }
        }
        ctx.undatedReleases = undated == null ? List.of() : undated;
        if (words.indexAt(found.get(0).start()) <= 2) {
            ctx.previousSubject = found.get(0);
        }
        if (!releases.isEmpty()) {
            coReleases.pairIn(text, from, to, words, releases, otherSides, ctx, evidence);
            ctx.lastRelease = releases.get(releases.size() - 1);
        }
    }
}
