package dev.collide.extract;

/** A date read from tokens, and the index of the first token after it. */
record DateMatch(ReleaseDate date, int next) {
}
