package dev.collide.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of a search text, and their escaping for SQL LIKE (issue 18, issue 17 item 8). */
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

    /** {@code %}, {@code _} and the escape character itself matched literally, with {@code ESCAPE '\'}. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
