package dev.collide.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** How releases are merged and compared. {@code rivals}: pairs of lab ids whose collisions get a higher priority. */
public record DetectionConfig(Duration window, double minConfidence, List<Set<String>> rivals) {
    public DetectionConfig {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("detection window must be positive: " + window);
        }
        rivals = rivals.stream().map(Set::copyOf).toList();
    }

    public static DetectionConfig defaults() {
        return new DetectionConfig(Duration.ofDays(7), 0.5, List.of());
    }

    public DetectionConfig withWindow(Duration newWindow) {
        return new DetectionConfig(newWindow, minConfidence, rivals);
    }

    public long windowDays() {
        return Math.max(1, window.toDays());
    }

    public boolean isRivalry(String labA, String labB) {
        return rivals.stream().anyMatch(pair -> pair.contains(labA) && pair.contains(labB) && !labA.equals(labB));
    }
}
