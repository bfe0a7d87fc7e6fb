package dev.collide.extract;

import static java.util.Objects.requireNonNull;

/**
 * One model named in one article. {@code modelId} is the canonical lower-case id ("deepseek-v4", "qwen3.6-27b");
 * {@code model} the display name ("DeepSeek V4"); {@code family} the launch it belongs to, without size or variant
 * ("qwen3.6"), so that variants of one launch merge into one release event. {@code release} says whether the
 * sentence reports the model being released (not a benchmark, comparison or prediction), with {@code confidence}
 * in [0, 1]: how sure the extractor is of that verdict (0.9 for "released", 0.75 for "announced", 0.7 when read
 * from a neighbouring clause; 0.7-0.85 for a mere mention, highest for a prediction). {@code evidence} is the
 * sentence it was read from (at most 500 characters). {@code dateFromArticle} says the text gives no date for it:
 * {@code date} is then the article's publication (its day; a hub record's instant), which only says the release
 * happened on or before it (issue 13: the detector ranks such a date below any the text states).
 */
public record Mention(String lab, String modelId, String model, String family, boolean release, ReleaseDate date,
                      double confidence, String evidence, boolean dateFromArticle) {
    public Mention {
        requireNonNull(lab, "lab");
        requireNonNull(date, "date");
        requireNonNull(evidence, "evidence");
        if (modelId == null || modelId.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("mention of lab " + lab + " has no model name");
        }
        if (family == null || family.isBlank()) {
            family = modelId;
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    /** A mention whose date the text states. */
    public Mention(String lab, String modelId, String model, String family, boolean release, ReleaseDate date,
                   double confidence, String evidence) {
        this(lab, modelId, model, family, release, date, confidence, evidence, false);
    }
}
