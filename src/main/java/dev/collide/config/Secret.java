package dev.collide.config;

import static java.util.Objects.requireNonNull;

/** A value read from an environment variable that must never reach a log or a message. */
public record Secret(String envName, String value) {
    public Secret {
        requireNonNull(envName, "envName");
        requireNonNull(value, "value");
    }

    /** The secret itself, for the one call that needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***(" + envName + ")";
    }
}
