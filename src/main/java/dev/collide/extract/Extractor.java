package dev.collide.extract;

import dev.collide.source.Article;

/** Reads lab and model mentions, release dates and co-release statements out of one article. */
public interface Extractor {
    /**
     * Never throws on any text (empty, huge, binary junk): bounded time and memory. Thread-safe.
     */
    Extraction extract(Article article);
}
