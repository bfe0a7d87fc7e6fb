package dev.collide.store;

/** What re-reading the archive did: articles read again, mention rows before and after. */
public record RereadReport(long articles, long mentionsBefore, long mentionsAfter) {
    /** One line for the CLI. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "re-read %d articles with this version's extractor: %d mentions"
                + " before, %d after", articles, mentionsBefore, mentionsAfter);
    }
}
