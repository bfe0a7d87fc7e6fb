package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A conference where labs launch models (config/events.yml): its name as written ("AWS re:Invent") and the first
 * keynote day of each edition, at most one a year, kept in date order. A launch "at re:Invent 2026" is dated to the
 * week of that edition's day; an edition missing here dates nothing.
 */
public record Conference(ConferenceId id, String name, List<LocalDate> keynoteDays) {
    public Conference {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        keynoteDays = keynoteDays.stream().sorted().toList();
        Set<Integer> years = new HashSet<>();
        for (LocalDate day : keynoteDays) {
            if (!years.add(day.getYear())) {
                throw new IllegalArgumentException("conference " + id + " has two editions in " + day.getYear());
            }
        }
    }
}
