package dev.collide.extract;

import dev.collide.config.Conference;
import dev.collide.config.ConferenceId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conferences where labs launch models, read as the week of their keynote: "unveiled Nova at re:Invent 2024",
 * "announced at Google I/O", "at its first DevDay". How each name is written is here; the days are config/events.yml
 * (first keynote day of each edition, from the organisers' announcements), and an edition missing there is not read.
 * Only after "at", "during" or "onstage" a few words before: "ahead of WWDC" is not the release's week. Immutable and
 * thread-safe.
 */
final class EventDates {
    /** The last word of each event's name; {@link #eventAt} checks the words before it. */
    static final Set<String> LAST_WORDS = Vocabulary.of("invent", "reinvent", "o", "wwdc", "devday", "day", "gtc",
            "build", "ces", "waic", "connect", "llamacon");
    private static final Set<String> LEADS = Vocabulary.of("at", "during", "onstage");
    private static final Map<String, ConferenceId> SINGLE_WORD = Map.of("reinvent", ConferenceId.REINVENT, "wwdc",
            ConferenceId.WWDC, "devday", ConferenceId.DEVDAY, "gtc", ConferenceId.GTC, "ces", ConferenceId.CES,
            "waic", ConferenceId.WAIC, "llamacon", ConferenceId.LLAMACON);

    /** Each conference's first keynote days, in date order; never changed after the constructor. */
    private final Map<ConferenceId, List<LocalDate>> editions;

    EventDates(List<Conference> conferences) {
        Map<ConferenceId, List<LocalDate>> byId = new EnumMap<>(ConferenceId.class);
        for (Conference c : conferences) {
            if (byId.put(c.id(), c.keynoteDays()) != null) {
                throw new IllegalArgumentException("conference " + c.id() + " is listed twice");
            }
        }
        this.editions = Collections.unmodifiableMap(byId);
    }

    /** The event whose name ends at token {@code i}, or null. */
    private static ConferenceId eventAt(Words w, int i) {
        String s = w.text(i);
        ConferenceId single = SINGLE_WORD.get(s);
        if (single != null) {
            return single;
        }
        return switch (s) {
            case "invent" -> w.text(i - 1).equals(":") && w.text(i - 2).equals("re") ? ConferenceId.REINVENT : null;
            case "o" -> w.text(i - 1).equals("/") && w.text(i - 2).equals("i") ? ConferenceId.GOOGLE_IO : null;
            case "day" -> w.text(i - 1).equals("dev") ? ConferenceId.DEVDAY : null;
            case "build" -> w.text(i - 1).equals("microsoft") || isYear(w, i + 1) ? ConferenceId.BUILD : null;
            case "connect" -> w.text(i - 1).equals("meta") ? ConferenceId.META_CONNECT : null;
            default -> null;
        };
    }

    /**
     * "at re:Invent 2024", "during Google I/O" at token {@code i} (the event's last word): the keynote's week of the
     * edition named by its year, else of the latest edition on or before a week after {@code today} and at most a
     * year before it; null if it is not such an event or the edition is not in config/events.yml.
     */
    DateMatch match(Words w, int i, LocalDate today) {
        ConferenceId event = eventAt(w, i);
        if (event == null || !hasLead(w, i)) {
            return null;
        }
        boolean year = isYear(w, i + 1);
        LocalDate best = null;
        for (LocalDate edition : editions.getOrDefault(event, List.of())) {
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
