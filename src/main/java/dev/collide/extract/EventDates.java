package dev.collide.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conferences where labs launch models, read as the week of their keynote: "unveiled Nova at re:Invent 2024",
 * "announced at Google I/O", "at its first DevDay". Days are a table (first keynote day of each edition, from the
 * organisers' announcements); an edition outside it is not read. Only after "at", "during" or "onstage" a few words
 * before: "ahead of WWDC" is not the release's week. Thread-safe.
 */
final class EventDates {
    private record Event(List<LocalDate> editions) {
    }

    private static final Event REINVENT = new Event(List.of(LocalDate.of(2023, 11, 27), LocalDate.of(2024, 12, 2),
            LocalDate.of(2025, 12, 1)));
    private static final Event GOOGLE_IO = new Event(List.of(LocalDate.of(2023, 5, 10), LocalDate.of(2024, 5, 14),
            LocalDate.of(2025, 5, 20)));
    private static final Event WWDC = new Event(List.of(LocalDate.of(2023, 6, 5), LocalDate.of(2024, 6, 10),
            LocalDate.of(2025, 6, 9)));
    private static final Event DEVDAY = new Event(List.of(LocalDate.of(2023, 11, 6), LocalDate.of(2024, 10, 1),
            LocalDate.of(2025, 10, 6)));
    private static final Event GTC = new Event(List.of(LocalDate.of(2023, 3, 21), LocalDate.of(2024, 3, 18),
            LocalDate.of(2025, 3, 18)));
    private static final Event BUILD = new Event(List.of(LocalDate.of(2023, 5, 23), LocalDate.of(2024, 5, 21),
            LocalDate.of(2025, 5, 19)));
    private static final Event CES = new Event(List.of(LocalDate.of(2023, 1, 5), LocalDate.of(2024, 1, 9),
            LocalDate.of(2025, 1, 7)));
    private static final Event WAIC = new Event(List.of(LocalDate.of(2023, 7, 6), LocalDate.of(2024, 7, 4),
            LocalDate.of(2025, 7, 26)));
    private static final Event CONNECT = new Event(List.of(LocalDate.of(2023, 9, 27), LocalDate.of(2024, 9, 25),
            LocalDate.of(2025, 9, 17)));
    private static final Event LLAMACON = new Event(List.of(LocalDate.of(2025, 4, 29)));

    /** The last word of each event's name; {@link #eventAt} checks the words before it. */
    static final Set<String> LAST_WORDS = Set.of("invent", "reinvent", "o", "wwdc", "devday", "day", "gtc", "build",
            "ces", "waic", "connect", "llamacon");
    private static final Set<String> LEADS = Set.of("at", "during", "onstage");
    private static final Map<String, Event> SINGLE_WORD = Map.of("reinvent", REINVENT, "wwdc", WWDC, "devday",
            DEVDAY, "gtc", GTC, "ces", CES, "waic", WAIC, "llamacon", LLAMACON);

    private EventDates() {
    }

    /** The event whose name ends at token {@code i}, or null. */
    private static Event eventAt(Words w, int i) {
        String s = w.text(i);
        Event single = SINGLE_WORD.get(s);
        if (single != null) {
            return single;
        }
        return switch (s) {
            case "invent" -> w.text(i - 1).equals(":") && w.text(i - 2).equals("re") ? REINVENT : null;
            case "o" -> w.text(i - 1).equals("/") && w.text(i - 2).equals("i") ? GOOGLE_IO : null;
            case "day" -> w.text(i - 1).equals("dev") ? DEVDAY : null;
            case "build" -> w.text(i - 1).equals("microsoft") || isYear(w, i + 1) ? BUILD : null;
            case "connect" -> w.text(i - 1).equals("meta") ? CONNECT : null;
            default -> null;
        };
    }

    /**
     * "at re:Invent 2024", "during Google I/O" at token {@code i} (the event's last word): the keynote's week of the
     * edition named by its year, else of the latest edition on or before a week after {@code today} and at most a
     * year before it; null if it is not such an event or the edition is not in the table.
     */
    static DateMatch match(Words w, int i, LocalDate today) {
        Event event = eventAt(w, i);
        if (event == null || !hasLead(w, i)) {
            return null;
        }
        boolean year = isYear(w, i + 1);
        LocalDate best = null;
        for (LocalDate edition : event.editions()) {
            if (year ? edition.getYear() == w.get(i + 1).value()
                    : !edition.isAfter(today.plusDays(7)) && edition.isAfter(today.minusYears(1))) {
                best = edition;
            }
        }
        return best == null ? null : new DateMatch(ReleaseDate.ofWeek(best), year ? i + 2 : i + 1);
    }

    /** "at", "during" or "onstage" at most five words before the event's last word ("at its annual Google I/O"). */
    private static boolean hasLead(Words w, int i) {
        for (int k = i - 1, seen = 0; k >= 0 && seen < 5; k--) {
            if (LEADS.contains(w.text(k))) {
                return true;
            }
            if (w.get(k).isWord()) {
                seen++;
            }
        }
        return false;
    }

    private static boolean isYear(Words w, int k) {
        return k < w.size() && w.get(k).isNumber() && w.text(k).length() == 4;
    }
}
