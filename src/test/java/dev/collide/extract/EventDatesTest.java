package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Launches dated by the conference they were made at, on sentences written for this test (issue #12). */
class EventDatesTest {
    private static final DictionaryExtractor EXTRACTOR = new DictionaryExtractor(TestLabs.labs());

    private static List<String> releases(String date, String text) {
        return EXTRACTOR.extract(TestLabs.news(date, text)).mentions().stream().filter(Mention::release)
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
}
