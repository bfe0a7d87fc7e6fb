package dev.collide.extract;

import dev.collide.source.Article;

/** Sees the features of every name the rules classified, with the article (training, issue #12 item 2). */
interface FeatureSink {
    void accept(Article article, ModelName name, int[] features, boolean ruleRelease);
}
