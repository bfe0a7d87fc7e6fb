package dev.collide.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads config/events.yml: for each conference the extractor recognises ({@link ConferenceId}), its name and the
 * first keynote day of each edition. Every problem is a {@link ConfigException} naming the file and the line.
 */
final class EventsReader {
    private static final String EXAMPLE = "e.g. '- 2026-11-30'";

    private EventsReader() {
    }

    static List<Conference> read(YamlMap root) throws ConfigException {
        root.rejectUnknown(root.file(), Set.of("conferences"));
        Map<ConferenceId, Integer> seen = new EnumMap<>(ConferenceId.class);
        List<Conference> conferences = new ArrayList<>();
        for (YamlMap entry : root.maps("conferences")) {
            entry.rejectUnknown("a conference", Set.of("id", "name", "editions"));
            String written = entry.requiredString("id", "give the conference one of the ids "
                    + String.join(", ", ConferenceId.yamlNames()));
            ConferenceId id = ConferenceId.fromYaml(written).orElseThrow(() -> entry.error("id", "conference id '"
                    + written + "' is not one Collide recognises" + KeySuggestion.didYouMean(written,
                    ConferenceId.yamlNames()) + "; use one of " + String.join(", ", ConferenceId.yamlNames())
                    + " (another conference needs its name taught to the extractor first)"));
            Integer earlier = seen.putIfAbsent(id, entry.lineOf("id"));
            if (earlier != null) {
                throw entry.error("id", "conference '" + id + "' is already listed at line " + earlier
                        + "; move these editions into that entry");
            }
            conferences.add(new Conference(id, entry.string("name").orElse(written), editions(entry, id)));
        }
        return conferences;
    }

    /** One first keynote day a year: the extractor picks the edition by the year written after the name. */
    private static List<LocalDate> editions(YamlMap entry, ConferenceId id) throws ConfigException {
        Map<Integer, YamlMap.Item> byYear = new HashMap<>();
        List<LocalDate> days = new ArrayList<>();
        for (YamlMap.Item item : entry.items("editions")) {
            LocalDate day;
            try {
                day = LocalDate.parse(item.value());
            } catch (DateTimeParseException e) {
                throw new ConfigException(entry.file(), item.line(), "edition '" + item.value() + "' of conference '"
                        + id + "' is not a date; write its first keynote day as YYYY-MM-DD, " + EXAMPLE);
            }
            YamlMap.Item earlier = byYear.putIfAbsent(day.getYear(), item);
            if (earlier != null) {
                throw new ConfigException(entry.file(), item.line(), "conference '" + id + "' already has its "
                        + day.getYear() + " edition (" + earlier.value() + ", line " + earlier.line()
                        + "); keep one first keynote day a year");
            }
            days.add(day);
        }
        return days;
    }

    /** The jar's copy, read on first use; a broken copy is a build error, which EventsConfigTest catches. */
    static final class Bundled {
        static final List<Conference> CONFERENCES = readBundled();

        private Bundled() {
        }

        private static List<Conference> readBundled() {
            String name = ConfigLoader.BUNDLED + "events.yml";
            try (InputStream in = EventsReader.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the jar; rebuild with mvn package");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return read(YamlMap.parse("collide.jar!" + name, text, variable -> null));
            } catch (IOException | ConfigException e) {
                throw new IllegalStateException("the bundled " + name + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
