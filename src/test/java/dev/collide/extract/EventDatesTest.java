package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.ConfigLoader;
import dev.collide.config.Conference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches dated by the conference they were made at, on sentences written for this test (issue #12). */
class EventDatesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return releases(EXTRACTOR, date, text);
    }

    private static List<String> releases(DictionaryExtractor extractor, String date, String text) {
        return extractor.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
                .map(m -> m.modelId() + " " + m.date()).toList();
    }

    @Test
    void aLaunchAtANamedEditionOfAConference_isDatedToItsKeynoteWeek() {
        assertThat(releases("2025-01-15", "Amazon introduced Nova 9 Pro at re:Invent 2024 in Las Vegas."))
                .containsExactly("nova-9-pro week of 2024-12-02");
        assertThat(releases("2025-06-30", "During Google I/O, the company unveiled Gemma 9n for phones."))
                .containsExactly("gemma-9n week of 2025-05-19");
    }

    @Test
    void aDateTheSentenceStates_beatsTheConferencesWeek() {
        assertThat(releases("2025-11-20", "OpenAI launched GPT-9 Turbo at its first DevDay in November 2023."))
                .containsExactly("gpt-9-turbo 2023-11");
    }

    @Test
    void aConferenceNotSaidToHostTheLaunch_datesNothing() {
        assertThat(releases("2025-06-30", "Apple released OpenELM 9 ahead of WWDC."))
                .containsExactly("openelm-9 2025-06-30");
    }

    @Test
    void aConferenceWordThatIsAlsoACue_keepsTheCue() {
        // "build" names Microsoft's conference and is a comparison cue ("build on Llama 9")
        assertThat(releases("2031-05-01", "Meta launched a program to help startups build on Llama 9.")).isEmpty();
    }

    @Test
    void aLaunchAtThisYearsEditionInTheBundledFile_isDatedToItsKeynoteWeek() {
        // re:Invent 2026 (config/events.yml: 2026-11-30), in a story from the week of the show
        assertThat(releases("2026-12-02", "Amazon unveiled Nova 9 Pro at re:Invent in Las Vegas."))
                .containsExactly("nova-9-pro week of 2026-11-30");
    }

    @Test
    void anEditionAddedInTheConfigDirectorysEventsFile_datesTheLaunch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("events.yml"), """
                conferences:
                  - id: devday
                    name: OpenAI DevDay
                    editions:
                      - 2031-10-07
                """);
        List<Conference> conferences = ConfigLoader.fromEnvironment().loadConferences(dir);
        String story = "OpenAI launched GPT-9 Mini at DevDay 2031 in San Francisco.";

        assertThat(releases(new DictionaryExtractor(TestLabs.labs(), conferences), "2031-10-20", story))
                .containsExactly("gpt-9-mini week of 2031-10-06");
        assertThat(releases(EXTRACTOR, "2031-10-20", story)).as("the bundled file has no 2031 edition")
                .containsExactly("gpt-9-mini 2031-10-20");
    }

    @Test
    void everyBundledConferenceName_isRecognisedAsThatConference() {
        EventDates events = new EventDates(ConfigLoader.bundledConferences());
        for (Conference c : ConfigLoader.bundledConferences()) {
            LocalDate latest = c.keynoteDays().get(c.keynoteDays().size() - 1);
            String text = "unveiled at " + c.name() + " " + latest.getYear();
            Words w = Words.of(text, 0, text.length());
            DateMatch m = events.match(w, w.size() - 2, latest.plusDays(30));

            assertThat(m).as(text).isNotNull();
            assertThat(m.date()).as(text).isEqualTo(ReleaseDate.ofWeek(latest));
        }
    }
}
