package dev.collide.config;

import java.util.Set;

/**
 * What feeds.yml may say for one kind of source: its name, the keys it adds to the common ones, whether it needs a
 * {@code url:}, and how those keys are checked and typed. Implemented next to each kind's poller in
 * {@code dev.collide.source}; {@link ConfigLoader#withKinds} is given the list, so an unknown kind or a bad key
 * fails at start with the feeds.yml line, never at poll time (issue 15).
 */
public interface SourceSchema {
    SourceKind kind();

    /** The keys this kind reads beyond the common ones (id, kind, url, every, lab, ...). */
    Set<String> keys();

    /** False for kinds with a default host (an API); their url then reads {@code default:NAME} unless set. */
    boolean needsUrl();

    /**
     * Checks this kind's keys of one feeds.yml entry and types them. {@code where} names the entry for messages
     * ({@code source 'hf-x' (kind huggingface)}). Throws a {@link ConfigException} naming the file and line.
     */
    SourceParams read(YamlMap entry, String where) throws ConfigException;
}
