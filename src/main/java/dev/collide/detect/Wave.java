package dev.collide.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Three or more labs releasing within one window: the events, first to last. */
public record Wave(LocalDate start, LocalDate end, List<ReleaseEvent> events) {
    public Wave {
        events = List.copyOf(events);
        if (labs(events).size() < 3) {
            throw new IllegalArgumentException("a wave needs three labs, got " + labs(events));
        }
    }

    public Set<String> labs() {
        return labs(events);
    }

    private static Set<String> labs(List<ReleaseEvent> events) {
        Set<String> labs = new TreeSet<>();
        events.forEach(e -> labs.add(e.lab()));
        return labs;
    }
}
