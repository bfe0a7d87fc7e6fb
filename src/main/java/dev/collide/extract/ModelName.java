package dev.collide.extract;

/**
 * A model name read from a text: {@code [start, end)} of the written name, its lab, canonical id, display text and
 * family (see {@link Mention}).
 */
record ModelName(String lab, String modelId, String display, String family, int start, int end) {
}
