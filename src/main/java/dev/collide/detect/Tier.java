package dev.collide.detect;

/** How close two releases landed, closest first. */
public enum Tier {
    SAME_DAY("same day"),
    WITHIN_72H("within 72 hours"),
    WITHIN_WINDOW("within the window");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
