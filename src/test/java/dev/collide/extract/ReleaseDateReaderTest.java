package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.ConfigLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseDateReaderTest {
    /** A Wednesday. */
    private static final Optional<LocalDate> TODAY = Optional.of(LocalDate.of(2026, 4, 29));
    private static final ReleaseDateReader READER = new ReleaseDateReader(
            new EventDates(ConfigLoader.bundledConferences()));

    private static List<String> read(String text, Optional<LocalDate> today, Optional<ReleaseDate> anchor) {
        return READER.read(text, 0, text.length(), Words.of(text, 0, text.length()), today, anchor)
                .stream().map(s -> s.date().precision() + " " + s.date().date()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "released on April 24th|DAY 2026-04-24",
        "released on 24 April 2026|DAY 2026-04-24",
        "released on 2026-04-24|DAY 2026-04-24",
        "released on 04/27 2026|DAY 2026-04-27",
        "released on 27/04/2026|DAY 2026-04-27",
        "released on Sept. 30, 2025|DAY 2025-09-30",
        "released on December 28|DAY 2025-12-28",
        "智谱于2026年4月24日发布|DAY 2026-04-24",
        "released yesterday|DAY 2026-04-28",
        "released last Friday|DAY 2026-04-24",
        "released on Wednesday|DAY 2026-04-29",
        "released two days ago|DAY 2026-04-27",
        "released this week|WEEK 2026-04-27",
        "released last week|WEEK 2026-04-20",
        "released earlier this month|MONTH 2026-04-01",
        "released late last month|MONTH 2026-03-01",
        "released in January 2025|MONTH 2025-01-01",
        "released in mid-March|MONTH 2026-03-01",
        "released ahead of the Spring Festival|WEEK 2026-02-09",
        "昨天发布|DAY 2026-04-28",
        "上个月发布|MONTH 2026-03-01",
        "周二发布|DAY 2026-04-28",
        "上周五发布|DAY 2026-04-24",
        "released last night|DAY 2026-04-28",
        "released in late July|MONTH 2025-07-01"})
    void read_phrase_givesDateAndPrecision(String text, String expected) {
        assertThat(read(text, TODAY, Optional.empty())).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A month later, both labs published papers|MONTH 2025-02-01",
        "The same day, Moonshot released MoBA|DAY 2025-01-20",
        "Two days later, Zhipu followed|DAY 2025-01-22",
        "In the same week, MiniMax released M2|WEEK 2025-01-20",
        "The next day, Kimi shipped|DAY 2025-01-21"})
    void read_phraseAfterAnEarlierDate_isRelativeToIt(String text, String expected) {
        var anchor = Optional.of(ReleaseDate.ofDay(LocalDate.of(2025, 1, 20)));

        assertThat(read(text, TODAY, anchor)).containsExactly(expected);
    }

    @Test
    void read_noArticleDate_readsOnlyDatesWithYear() {
        assertThat(read("released yesterday, on April 24 and on 24 April 2026", Optional.empty(), Optional.empty()))
                .containsExactly("DAY 2026-04-24");
    }

    @Test
    void read_mayAsVerbAndVersionNumbers_areNotDates() {
        assertThat(read("GLM-4.5 may ship 3.2 times faster", TODAY, Optional.empty())).isEmpty();
    }

    @Test
    void read_impossibleDay_isIgnored() {
        assertThat(read("released on 2026-02-30 and 2026年13月1日", TODAY, Optional.empty())).isEmpty();
    }
}
