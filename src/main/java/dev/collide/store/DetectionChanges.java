package dev.collide.store;

import java.util.List;

/** What one detection run changed in the archive. */
public record DetectionChanges(int newEvents, int updatedEvents, List<HistoryEntry> collisionChanges,
                               int outboxRows) {
    public DetectionChanges {
        collisionChanges = List.copyOf(collisionChanges);
    }

    public long count(String change) {
        return collisionChanges.stream().filter(h -> h.change().equals(change)).count();
    }
}
