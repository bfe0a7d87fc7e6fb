package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
    private static List<String> hits(AhoCorasick ac, String text) {
        List<String> out = new ArrayList<>();
        ac.find(text, (s, e, k) -> out.add(s + "-" + e + ":" + k));
        return out;
    }

    @Test
    void find_overlappingKeys_reportsEveryOccurrence() {
        var ac = new AhoCorasick(List.of("he", "she", "hers", "his"));

        assertThat(hits(ac, "ushers")).containsExactly("1-4:1", "2-4:0", "2-6:2");
    }

    @Test
    void find_upperCaseText_matchesLowerCaseKeys() {
        var ac = new AhoCorasick(List.of("DeepSeek", "qwen"));

        assertThat(hits(ac, "DEEPSEEK and QWEN")).containsExactly("0-8:0", "13-17:1");
    }

    @Test
    void find_hanKeys_matchInsideChineseText() {
        var ac = new AhoCorasick(List.of("智谱", "月之暗面", "智谱AI"));

        assertThat(hits(ac, "昨天智谱AI和月之暗面")).containsExactly("2-4:0", "2-6:2", "7-11:1");
    }

    @Test
    void find_noKey_reportsNothing() {
        var ac = new AhoCorasick(List.of("kimi"));

        assertThat(hits(ac, "")).isEmpty();
    }

    @Test
    void findOutsideWords_keyInsideAWord_isNotReported() {
        var ac = new AhoCorasick(List.of("wise"));
        List<String> out = new ArrayList<>();

        ac.findOutsideWords("Otherwise, wise 3wise", (s, e, k) -> out.add(s + "-" + e + ":" + k));

        assertThat(out).containsExactly("11-15:0", "17-21:0"); // after a digit a name may be glued on
    }

    @Test
    void findOutsideWords_matchUnderWay_stillReportsTheKeyInsideIt() {
        var ac = new AhoCorasick(List.of("stepwise", "wise"));
        List<String> out = new ArrayList<>();

        ac.findOutsideWords("stepwise", (s, e, k) -> out.add(s + "-" + e + ":" + k));

        assertThat(out).containsExactly("0-8:0", "4-8:1");
    }
}
