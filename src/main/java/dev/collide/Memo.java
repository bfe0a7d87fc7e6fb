package dev.collide;

import java.util.Optional;
import java.util.function.Supplier;

/** A part of {@link Collide} built once, on first use, by whichever thread asks first. */
final class Memo<T> {
    private final Supplier<T> build;
    private T value;

    Memo(Supplier<T> build) {
        this.build = build;
    }

    synchronized T get() {
        if (value == null) {
            value = build.get();
        }
        return value;
    }

    synchronized Optional<T> ifBuilt() {
        return Optional.ofNullable(value);
    }
}
