package dev.collide.source;

import static java.util.Objects.requireNonNull;

import dev.collide.config.ConfigException;
import dev.collide.config.SourceKind;
import dev.collide.config.SourceParams;
import dev.collide.config.SourceSchema;
import dev.collide.config.YamlMap;
import java.util.Set;
import java.util.function.Function;

/**
 * One kind of source, whole: its feeds.yml name, the keys it adds, whether it needs a url, how those keys are checked
 * and typed into {@code P} at load, and how its {@link Source} is built. Each kind declares one as {@code KIND} in its
 * class; adding a kind is that class plus one line in {@link SourceTypes} (issue 15).
 */
public record SourceType<P extends SourceParams>(SourceKind kind, Set<String> keys, boolean needsUrl,
                                                 Reader<P> reader, Function<SourceContext, Source> factory)
        implements SourceSchema {
    /** Checks and types a kind's keys of one feeds.yml entry; see {@link SourceSchema#read}. */
    @FunctionalInterface
    public interface Reader<P> {
        P read(YamlMap entry, String where) throws ConfigException;
    }

    public SourceType {
        requireNonNull(kind, "kind");
        requireNonNull(reader, "reader");
        requireNonNull(factory, "factory");
        keys = Set.copyOf(keys);
    }

    @Override
    public P read(YamlMap entry, String where) throws ConfigException {
        return reader.read(entry, where);
    }

    /** The kind's poller; one instance serves every source of the kind, so it must be thread-safe. */
    public Source create(SourceContext context) {
        return requireNonNull(factory.apply(context), "source of kind " + kind);
    }
}
