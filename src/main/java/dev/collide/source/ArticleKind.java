package dev.collide.source;

/** How much an article says about a release date, strongest last. */
public enum ArticleKind {
    /** Third-party news, blogs, aggregators. */
    NEWS,
    /** A lab's own announcement (a source with {@code lab:} set, or a lab's release notes). */
    LAB_POST,
    /** A model-hub record (Hugging Face repo, GitHub release): its timestamp is the release moment. */
    HUB_RECORD
}
