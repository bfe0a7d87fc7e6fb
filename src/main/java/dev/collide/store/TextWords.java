package dev.collide.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of a search text, as H2's table search looks for them without the index (issue 18). */
final class TextWords {
    private TextWords() {
    }

    /** Lower-case runs of letters and digits: "DeepSeek-V3 paper" is deepseek, v3, paper. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
