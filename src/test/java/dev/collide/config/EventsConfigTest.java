package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** config/events.yml: the conferences' editions, read beside labs.yml, and every bad line named with its fix. */
class EventsConfigTest {
    private static final String LABS = """
            labs:
              - id: amazon
                name: Amazon
            """;
    private static final String GOOD = """
            conferences:
              - id: reinvent
                name: AWS re:Invent
                editions:
                  - 2030-12-02
                  - 2031-12-01
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get)
            .withKinds(SourceTypes.BUILT_IN.all());

    @Test
    void load_eventsFileInTheConfigDirectory_givesItsEditions() throws Exception {
        write("labs.yml", LABS);
        write("events.yml", GOOD);
        write("feeds.yml", "sources: []\n");

        CollideConfig config = loader.load(dir, dir.resolve("feeds.yml"));

        assertThat(config.conferences()).containsExactly(new Conference(ConferenceId.REINVENT, "AWS re:Invent",
                List.of(LocalDate.of(2030, 12, 2), LocalDate.of(2031, 12, 1))));
    }

    @Test
    void loadConferences_noEventsFile_givesTheJarsCopy() throws Exception {
        assertThat(loader.loadConferences(dir)).isEqualTo(ConfigLoader.bundledConferences());
    }

    @Test
    void bundledConferences_areTheShippedFile() throws Exception {
        List<Conference> shipped = loader.loadConferences(Path.of("config"));

        assertThat(ConfigLoader.bundledConferences()).isEqualTo(shipped);
        assertThat(shipped).extracting(Conference::id).containsExactly(ConferenceId.values());
    }

    @Test
    void loadConferences_editionsOutOfOrder_areSortedByDay() throws Exception {
        write("events.yml", "conferences:\n  - id: gtc\n    editions: [2031-03-17, 2030-03-18]\n");

        assertThat(loader.loadConferences(dir)).singleElement().extracting(Conference::keynoteDays)
                .isEqualTo(List.of(LocalDate.of(2030, 3, 18), LocalDate.of(2031, 3, 17)));
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("day out of range", GOOD.replace("2031-12-01", "2031-13-01"), 6,
                        "edition '2031-13-01' of conference 'reinvent' is not a date; write its first keynote day as"
                                + " YYYY-MM-DD, e.g. '- 2026-11-30'"),
                Arguments.of("no such day", GOOD.replace("2031-12-01", "2031-02-30"), 6,
                        "edition '2031-02-30' of conference 'reinvent' is not a date"),
                Arguments.of("day in words", GOOD.replace("2031-12-01", "Dec 1 2031"), 6,
                        "edition 'Dec 1 2031' of conference 'reinvent' is not a date"),
                Arguments.of("unknown conference id", GOOD.replace("id: reinvent", "id: reinvnet"), 2,
                        "conference id 'reinvnet' is not one Collide recognises; did you mean 'reinvent'?; use one of"
                                + " reinvent, google-io, wwdc, devday, gtc, build, ces, waic, meta-connect, llamacon"),
                Arguments.of("two editions in one year", GOOD.replace("2031-12-01", "2030-12-03"), 6,
                        "conference 'reinvent' already has its 2030 edition (2030-12-02, line 5); keep one first"
                                + " keynote day a year"),
                Arguments.of("same day twice", GOOD.replace("2031-12-01", "2030-12-02"), 6,
                        "already has its 2030 edition"),
                Arguments.of("conference listed twice", GOOD + "  - id: reinvent\n    editions: [2032-11-29]\n", 7,
                        "conference 'reinvent' is already listed at line 2; move these editions into that entry"),
                Arguments.of("misspelt key", GOOD.replace("editions:", "edition:"), 4,
                        "unknown key 'edition' in a conference; did you mean 'editions'?"),
                Arguments.of("no id", GOOD.replace("- id: reinvent\n    name:", "- name:"), 2,
                        "missing 'id'; give the conference one of the ids reinvent, google-io"),
                Arguments.of("misspelt top key", GOOD.replace("conferences:", "conference:"), 1,
                        "unknown key 'conference'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void load_badEventsLine_namesFileLineAndFix(String name, String events, int line, String message)
            throws Exception {
        write("labs.yml", LABS);
        write("events.yml", events);
        write("feeds.yml", "sources: []\n");

        assertThatThrownBy(() -> loader.load(dir, dir.resolve("feeds.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("events.yml") + " line " + line + ": ")
                .hasMessageContaining(message);
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text);
    }
}
