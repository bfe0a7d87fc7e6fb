package dev.collide.notify;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One day's digest, rendered. {@code quiet}: no new collision and no new release event in its window. */
public record Digest(LocalDate date, String subject, String text, String html, boolean quiet) {
    public Digest {
        requireNonNull(date, "date");
        requireNonNull(subject, "subject");
        requireNonNull(text, "text");
        requireNonNull(html, "html");
    }
}
