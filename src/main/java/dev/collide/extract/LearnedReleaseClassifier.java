package dev.collide.extract;

import dev.collide.source.Article;
import java.util.Arrays;
import java.util.List;

/**
 * The learned release model's verdict on a name (issue #12 item 2), for {@link DictionaryExtractor}: the rules'
 * verdict is one of the features it reads. When training, the features of every name go to a
 * {@link FeatureSink}. Thread-safe when the sink is.
 */
final class LearnedReleaseClassifier {
    private final ReleaseModel model;
    private final FeatureSink sink;

    /** {@code model} null: the rules' verdict stands (features only go to the sink); {@code sink} null: none kept. */
    LearnedReleaseClassifier(ReleaseModel model, FeatureSink sink) {
        this.model = model;
        this.sink = sink;
    }

    /**
     * The learned model's verdict (issue #12 item 2), which reads the rules' verdict among the sentence's features:
     * it keeps the rules' confidence where the two agree.
     */
    ReleaseClassifier.Verdict classify(Article article, String text, Words words, Clauses clauses, int to,
                                       ModelName name, List<DateSpan> spans, ReleaseClassifier.Verdict rule,
                                       boolean inTitle) {
        int clause = clauses.indexOf(name.start());
        int zh = words.hasHan() ? ChineseCues.zhCues(text, clauses.start(clause), clauses.end(clause, to)) : 0;
        var features = new ReleaseFeatures.Context(rule.release(), rule.confidence(), !spans.isEmpty(), inTitle,
                article.kind(), (zh & Lexicon.STRONG_RELEASE) != 0, (zh & Lexicon.PREDICTION) != 0,
                (zh & Lexicon.COMPARISON) != 0);
        int[] f = new int[ReleaseFeatures.MAX];
        int n = ReleaseFeatures.of(words, clauses, to, name, features, f);
        if (sink != null) {
            sink.accept(article, name, Arrays.copyOf(f, n), rule.release());
        }
        if (model == null) {
            return rule;
        }
        double p = model.probability(f, n);
        boolean release = p >= ReleaseModel.THRESHOLD;
        return release == rule.release() ? rule : new ReleaseClassifier.Verdict(release, release ? p : 1 - p);
    }
}
