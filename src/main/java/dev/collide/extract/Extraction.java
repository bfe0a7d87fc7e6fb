package dev.collide.extract;

import java.util.List;

/** What one article yielded. */
public record Extraction(List<Mention> mentions, List<CoRelease> coReleases) {
    public static final Extraction EMPTY = new Extraction(List.of(), List.of());

    public Extraction {
        mentions = List.copyOf(mentions);
        coReleases = List.copyOf(coReleases);
    }
}
