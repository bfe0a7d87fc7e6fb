package dev.collide.store;

/** What {@link JdbcArticleStore#store} did with one article. */
public sealed interface SaveOutcome {
    /** Written, with its new id. */
    record Stored(long id) implements SaveOutcome {
    }

    /** Skipped: this source's guid is stored already (a re-poll). */
    record AlreadyStored() implements SaveOutcome {
    }

    /** Skipped: an article of {@code otherSourceId} has the same canonical URL (a copy of another source's item). */
    record SameLink(String otherSourceId) implements SaveOutcome {
    }
}
