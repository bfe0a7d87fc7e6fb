package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of source kinds: the one list both the config loader (which kinds and keys feeds.yml may use) and
 * {@code Collide} (which {@link Source} polls each kind) read, so a kind cannot be known to one and missing from the
 * other (issue 15). Immutable.
 */
public final class SourceTypes {
    /** The kinds Collide ships, in the order messages list them. */
    public static final SourceTypes BUILT_IN = new SourceTypes(List.of(
            FeedSource.KIND,
            HuggingFaceSource.KIND,
            GitHubReleasesSource.KIND,
            GitHubOrgSource.KIND,
            ArxivSource.KIND,
            HtmlSource.KIND));

    private final List<SourceType<?>> types;

    private SourceTypes(List<SourceType<?>> types) {
        Map<SourceKind, SourceType<?>> byKind = new LinkedHashMap<>();
        for (SourceType<?> type : types) {
            if (byKind.putIfAbsent(type.kind(), type) != null) {
                throw new IllegalArgumentException("source kind '" + type.kind() + "' is registered twice");
            }
        }
        this.types = List.copyOf(types);
    }

    /** This registry and one more kind (a test's, or a build's own). */
    public SourceTypes with(SourceType<?> type) {
        List<SourceType<?>> more = new ArrayList<>(types);
        more.add(type);
        return new SourceTypes(more);
    }

    /** Every kind, for {@code ConfigLoader.withKinds}. */
    public List<SourceType<?>> all() {
        return types;
    }

    public Optional<SourceType<?>> find(SourceKind kind) {
        return types.stream().filter(t -> t.kind().equals(kind)).findFirst();
    }

    /** One source per kind, built from {@code context}. */
    public Map<SourceKind, Source> create(SourceContext context) {
        Map<SourceKind, Source> sources = new LinkedHashMap<>();
        types.forEach(type -> sources.put(type.kind(), type.create(context)));
        return sources;
    }

    /**
     * Throws IllegalStateException, at start, for a configured source whose kind is not registered here: a config
     * loaded with other kinds than the ones the pipeline is built with, a programming error.
     */
    public void requireKindsOf(List<SourceConfig> sources) {
        for (SourceConfig source : sources) {
            if (find(source.kind()).isEmpty()) {
                throw new IllegalStateException("source " + source.id() + " has kind '" + source.kind() + "', which"
                        + " this build does not register; add its SourceType to SourceTypes");
            }
        }
    }
}
