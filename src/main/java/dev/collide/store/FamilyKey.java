package dev.collide.store;

/** A release family of one lab: the key of one release event. */
public record FamilyKey(String lab, String family) {
}
