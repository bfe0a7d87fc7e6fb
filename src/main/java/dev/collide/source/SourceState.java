package dev.collide.source;

import static java.util.Objects.requireNonNull;

import dev.collide.fetch.Validators;
import java.time.Instant;
import java.util.Optional;

/** What Collide remembers of a source between polls. */
public record SourceState(Validators validators, Optional<Instant> lastSuccessAt, int errorCount) {
    public static final SourceState NEW = new SourceState(Validators.NONE, Optional.empty(), 0);

    public SourceState {
        requireNonNull(validators, "validators");
        requireNonNull(lastSuccessAt, "lastSuccessAt");
    }
}
