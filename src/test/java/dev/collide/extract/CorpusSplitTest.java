package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.collide.extract.CorpusEvaluation.Passage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusSplitTest {
    private static Passage from(String source) {
        return new Passage("p", source, LocalDate.of(2025, 1, 1), "news", "", "text", List.of());
    }

    @Test
    void site_lowerCasesAndDropsLeadingWww() {
        assertThat(CorpusSplit.site("https://WWW.News.Example/a/b?c=1")).isEqualTo("news.example");
        assertThat(CorpusSplit.site("github:some-org/repo:README.md")).isEqualTo("github.com");
        assertThat(CorpusSplit.site("not a url")).isEmpty();
    }

    @Test
    void select_keepsOneSiteOnOneSide() {
        var a = from("https://www.site-one.example/x");
        var b = from("https://site-one.example/y");

        boolean heldA = CorpusSplit.HELD_OUT.select(List.of(a)).size() == 1;
        boolean heldB = CorpusSplit.HELD_OUT.select(List.of(b)).size() == 1;

        assertThat(heldA).isEqualTo(heldB);
    }

    @Test
    void select_devAndHeldOutPartitionAll() {
        List<Passage> all = List.of(from("https://a.example/1"), from("https://b.example/2"),
                from("https://c.example/3"), from("https://d.example/4"), from("github:o/r:CHANGELOG.md"));

        var dev = CorpusSplit.DEV.select(all);
        var held = CorpusSplit.HELD_OUT.select(all);

        assertThat(dev.size() + held.size()).isEqualTo(all.size());
        assertThat(dev).doesNotContainAnyElementsOf(held);
        assertThat(CorpusSplit.ALL.select(all)).isEqualTo(all);
    }

    @Test
    void isHeldOut_isCrc32OfTheSiteModuloThree() {
        // CRC32("github.com") = 3543507662, remainder 2: dev.
        assertThat(CorpusSplit.isHeldOut("github:o/r:README.md")).isFalse();
    }

    @Test
    void parse_unknownName_namesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> CorpusSplit.parse("train"));

        assertThat(e.getMessage()).isEqualTo("--split must be dev, held-out or all, not 'train'");
    }
}
