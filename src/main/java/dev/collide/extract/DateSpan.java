package dev.collide.extract;

/** A date read from {@code [start, end)} of a text. */
record DateSpan(int start, int end, ReleaseDate date) {
}
