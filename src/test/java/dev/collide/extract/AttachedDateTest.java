package dev.collide.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The words that link a name to the date after it ("released on"), read without a regex. */
class AttachedDateTest {
    /** The regex {@link AttachedDate#isLinked} replaced, as it stood. */
    private static final Pattern LINKED = Pattern.compile(
            "(?:(?:model|models|series|family)\\s+)?(?:(?:was|were|is|first|officially)\\s+)?"
                    + "(?:(?:released|launched|unveiled|introduced|announced|open-sourced|published|shipped|debuted)"
                    + "\\s+)?(?:in|on)\\s+(?:(?:early|late|mid|the\\s+end\\s+of)[\\s-]+)?");

    @Test
    void isLinked_everyCombinationOfWordsAndSpaces_agreesWithTheRegex() {
        List<String> phrases = new ArrayList<>(List.of(""));
        String[][] slots = {{"", "model", "models", "modelx", "series"}, {"", "was", "is", "first", "were"},
            {"", "released", "open-sourced", "shipped", "Released", "release"}, {"", "in", "on", "in-", "at"},
            {"", "early", "mid-", "mid", "late -", "the end of", "the  end\tof-", "the end", "the-end of", "of"}};
        for (String[] slot : slots) {
            List<String> longer = new ArrayList<>();
            for (String phrase : phrases) {
                for (String word : slot) {
                    for (String space : List.of("", " ")) {
                        longer.add(phrase + word + space);
                    }
                }
            }
            phrases = longer;
        }
        // other spaces: a regex's \s takes tabs and line feeds, not a no-break space
        phrases.addAll(List.of("was released\ton ", "released on\n", "on\u00A0", "in\u00A0early ",
                "in \t the\nend\rof\f-", "model\u000Bin "));
        for (String phrase : phrases) {
            String text = "Llama 9 " + phrase + "March 2031";
            int from = 8;
            int to = 8 + phrase.length();
            assertThat(AttachedDate.isLinked(text, from, to)).as("'" + phrase + "'")
                    .isEqualTo(LINKED.matcher(phrase).matches());
        }
    }
}
