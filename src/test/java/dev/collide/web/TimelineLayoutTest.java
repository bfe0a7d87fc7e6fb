package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.detect.Tier;
import dev.collide.store.CollisionStatus;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where the timeline puts lanes, ticks and labels, checked on the estimated boxes (the browser test measures). */
class TimelineLayoutTest {
    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void lanes_onlyForLabsWithReleasesInView_sortedByName() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : List.of("zhipu", "openai", "meta", "google", "mistral", "deepseek", "qwen", "moonshot")) {
            names.put(id, id.equals("zhipu") ? "Zhipu AI" : id.equals("moonshot") ? "Moonshot AI"
                    : Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }
        var layout = TimelineLayout.of(names, List.of(event("1", "zhipu", "GLM-5", "2026-04-01"),
                event("2", "deepseek", "DeepSeek V4", "2026-04-24"), event("3", "moonshot", "Kimi K2.6",
                        "2026-04-20")), List.of());

        assertThat(layout.lanes()).extracting(TimelineLayout.Lane::label)
                .containsExactly("Deepseek", "Moonshot AI", "Zhipu AI");
    }

    @Test
    void labFilter_collisionPartnerGetsALaneAndAHollowMark() {
        StoredEvent ds = event("1", "deepseek", "DeepSeek V4", "2026-04-24");
        StoredEvent kimi = event("2", "moonshot", "Kimi K2.6", "2026-04-20");
        // the page filtered to DeepSeek: events hold only DeepSeek's, the collision names Moonshot's too
        var layout = TimelineLayout.of(Map.of("deepseek", "DeepSeek", "moonshot", "Moonshot AI"), List.of(ds),
                List.of(collision(ds, kimi)));

        assertThat(layout.lanes()).extracting(TimelineLayout.Lane::lab).containsExactly("deepseek", "moonshot");
        assertThat(layout.marks()).filteredOn(TimelineLayout.Mark::partner)
                .extracting(m -> m.event().id()).containsExactly("2");
        var band = layout.bands().get(0);
        var laneYs = layout.lanes().stream().map(TimelineLayout.Lane::y).toList();
        assertThat(band.y()).isLessThan(laneYs.get(0));
        assertThat(band.y() + band.height()).isGreaterThan(laneYs.get(1)).isLessThan(layout.axisY() - 10);
    }

    @Test
    void ticks_monthsOverAYear_labelledWithoutOverlap() {
        var layout = TimelineLayout.of(Map.of(), List.of(event("1", "a", "A 1", "2025-01-10"),
                event("2", "a", "A 2", "2025-12-20")), List.of());

        List<String> labels = layout.ticks().stream().map(TimelineLayout.Tick::label).filter(l -> !l.isEmpty())
                .toList();
        assertThat(labels).first().isEqualTo("Feb 2025"); // the plot starts on Jan 10, minus a margin
        assertThat(labels).contains("Jul").hasSizeGreaterThanOrEqualTo(6);
        assertNoOverlap(tickBoxes(layout));
    }

    @Test
    void ticks_aFortnight_daysOrWeeks_andTenYears_years() {
        var fortnight = TimelineLayout.of(Map.of(), List.of(event("1", "a", "A 1", "2026-04-14"),
                event("2", "a", "A 2", "2026-04-28")), List.of());
        var decade = TimelineLayout.of(Map.of(), List.of(event("1", "a", "A 1", "2016-03-01"),
                event("2", "a", "A 2", "2026-03-01")), List.of());

        assertThat(fortnight.ticks()).extracting(TimelineLayout.Tick::label).contains("Apr 20");
        assertThat(decade.ticks()).extracting(TimelineLayout.Tick::label).contains("2020").allMatch(
                l -> l.isEmpty() || l.matches("\\d{4}"));
        assertNoOverlap(tickBoxes(fortnight));
        assertNoOverlap(tickBoxes(decade));
    }

    @Test
    void thousandReleases_labelsNeverOverlap_stayInThePlot_andTheRestAreCounted() {
        Random random = new Random(7);
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event("e" + i, "lab" + random.nextInt(14), "Model " + i + (i % 3 == 0 ? " Instruct" : ""),
                    LocalDate.of(2024, 7, 1).plusDays(random.nextInt(730)).toString()));
        }
        var layout = TimelineLayout.of(Map.of(), events, List.of());

        List<double[]> boxes = new ArrayList<>();
        for (var m : layout.marks()) {
            m.label().ifPresent(l -> {
                assertThat(l.x()).isGreaterThanOrEqualTo(TimelineLayout.LEFT);
                assertThat(l.x() + l.boxWidth()).isLessThanOrEqualTo(TimelineLayout.WIDTH - TimelineLayout.RIGHT);
                boxes.add(new double[] {l.x(), l.y() - 10, l.x() + l.boxWidth(), l.y() + 3});
            });
        }
        assertNoOverlap(boxes);
        assertThat(layout.lanes()).hasSize(14);
        assertThat(layout.marks()).hasSize(1000);
        assertThat(boxes.size() + layout.hiddenLabels()).isEqualTo(1000);
        assertThat(boxes).hasSizeGreaterThan(100); // thinning leaves a readable share, not nothing
    }

    @Test
    void manyCollisions_drawnAsLinesFromMarkToMark_fewAsBoxes() {
        List<StoredEvent> events = new ArrayList<>();
        List<StoredCollision> collisions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StoredEvent a = event("a" + i, "lab1", "A " + i, LocalDate.of(2026, 1, 1).plusDays(3 * i).toString());
            StoredEvent b = event("b" + i, "lab2", "B " + i, LocalDate.of(2026, 1, 2).plusDays(3 * i).toString());
            events.add(a);
            events.add(b);
            collisions.add(collision(a, b));
        }

        var crowded = TimelineLayout.of(Map.of(), events, collisions);
        var few = TimelineLayout.of(Map.of(), events, collisions.subList(0, TimelineLayout.MAX_BOXES));

        assertThat(crowded.bands()).hasSize(30).allMatch(TimelineLayout.Band::connector);
        var line = crowded.bands().get(0);
        var markA = crowded.marks().stream().filter(m -> m.event().id().equals("a0")).findFirst().orElseThrow();
        assertThat(line.xa()).isEqualTo(markA.x());
        assertThat(line.ya()).isEqualTo(markA.y());
        assertThat(few.bands()).hasSize(TimelineLayout.MAX_BOXES).noneMatch(TimelineLayout.Band::connector);
    }

    @Test
    void longLabName_cutToTheLaneLabelColumn() {
        var layout = TimelineLayout.of(Map.of("ai2", "Allen Institute for Artificial Intelligence"),
                List.of(event("1", "ai2", "OLMo 3", "2026-04-01")), List.of());

        var lane = layout.lanes().get(0);
        assertThat(lane.label()).endsWith("\u2026").startsWith("Allen");
        assertThat(TimelineLayout.textWidth(lane.label(), TimelineLayout.LANE_FONT))
                .isLessThanOrEqualTo(TimelineLayout.LEFT - 16);
        assertThat(lane.fullName()).isEqualTo("Allen Institute for Artificial Intelligence");
    }

    @Test
    void noDatedRelease_isEmpty() {
        var undated = new StoredEvent("1", "a", "a", "A", Optional.empty(), Optional.empty(), Optional.empty(), 0.5,
                1, T, T);

        assertThat(TimelineLayout.of(Map.of(), List.of(undated), List.of()).isEmpty()).isTrue();
    }

    private static List<double[]> tickBoxes(TimelineLayout layout) {
        List<double[]> boxes = new ArrayList<>();
        for (var t : layout.ticks()) {
            if (!t.label().isEmpty()) {
                double w = TimelineLayout.textWidth(t.label(), TimelineLayout.AXIS_FONT);
                boxes.add(new double[] {t.x() - w / 2, 0, t.x() + w / 2, 10});
            }
        }
        return boxes;
    }

    static void assertNoOverlap(List<double[]> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assertThat(overlap).as("boxes %s and %s overlap", java.util.Arrays.toString(a),
                        java.util.Arrays.toString(b)).isFalse();
            }
        }
    }

    private static StoredEvent event(String id, String lab, String model, String day) {
        return new StoredEvent(id, lab, model.toLowerCase(), model, Optional.of(LocalDate.parse(day)),
                Optional.of("DAY"), Optional.empty(), 0.9, 1, T, T);
    }

    private static StoredCollision collision(StoredEvent a, StoredEvent b) {
        return new StoredCollision("c1", a, b, Optional.of(4), Tier.WITHIN_WINDOW, true, false,
                CollisionStatus.ACTIVE, T, T);
    }
}
