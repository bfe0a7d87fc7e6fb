package dev.collide.store;

/** Whether a stored collision still holds; a retracted one keeps its row and history (issue 13: corrections). */
public enum CollisionStatus {
    ACTIVE,
    RETRACTED
}
