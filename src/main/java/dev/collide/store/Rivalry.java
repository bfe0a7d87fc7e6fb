package dev.collide.store;

import java.time.LocalDate;
import java.util.List;

/** How often two labs collided, and when (the earlier release date of each collision, oldest first). */
public record Rivalry(String labA, String labB, List<LocalDate> dates) {
    public Rivalry {
        dates = List.copyOf(dates);
    }

    public int count() {
        return dates.size();
    }
}
