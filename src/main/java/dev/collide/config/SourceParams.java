package dev.collide.config;

/**
 * The parameters only one kind of source uses (a Hub org, a repository, a query, CSS selectors), typed and checked
 * once at load by the kind's {@link SourceSchema}. Each kind declares its own record; a kind with none uses
 * {@link #NONE}.
 */
public interface SourceParams {
    SourceParams NONE = new None();

    /** No parameters beyond the common keys (a plain feed). */
    record None() implements SourceParams {}
}
