package dev.collide.config;

import java.util.regex.Pattern;

/**
 * The name a feeds.yml entry gives its kind ({@code kind: huggingface}). What a kind reads, checks and polls is its
 * {@link SourceSchema}; the list of kinds a build knows is the registry the loader is given, so a new kind needs no
 * constant here (issue 15). The constants name the kinds Collide ships, for code that must name one.
 */
public record SourceKind(String yamlName) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public static final SourceKind FEED = new SourceKind("feed");
    public static final SourceKind HUGGINGFACE = new SourceKind("huggingface");
    public static final SourceKind GITHUB_RELEASES = new SourceKind("github-releases");
    public static final SourceKind GITHUB_ORG = new SourceKind("github-org");
    public static final SourceKind ARXIV = new SourceKind("arxiv");
    public static final SourceKind HTML = new SourceKind("html");

    public SourceKind {
        if (yamlName == null || !NAME.matcher(yamlName).matches()) {
            throw new IllegalArgumentException("a source kind's name must match [a-z][a-z0-9-]*: " + yamlName);
        }
    }

    /** The kinds Collide ships, in the order messages list them; {@code SourceTypes.BUILT_IN} is what decides. */
    public static SourceKind[] values() {
        return new SourceKind[] {FEED, HUGGINGFACE, GITHUB_RELEASES, GITHUB_ORG, ARXIV, HTML};
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
