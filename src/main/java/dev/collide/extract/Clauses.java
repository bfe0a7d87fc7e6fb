package dev.collide.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A sentence cut into clauses at commas, semicolons, colons, parentheses, dashes and at "which", "while", "but",
 * "after"...: a release verb or a date usually belongs to the names of its own clause ("DeepSeek released V3.2,
 * which beats GPT-5").
 */
final class Clauses {
    static final Set<String> BOUNDARY_WORDS = Vocabulary.of("which", "while", "but", "whereas", "although", "though",
            "after", "before", "when", "whose", "as", "because");

    private final int[] starts;

    private Clauses(int[] starts) {
        this.starts = starts;
    }

    static Clauses of(String text, int from, int to, Words w) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = from;
        List<Words.Token> tokens = w.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            Words.Token t = tokens.get(k);
            boolean cut = t.isWord() ? (t.bits() & Lexicon.CLAUSE) != 0 && !isSecondAsOfAsWellAs(w, k)
                    : !t.isNumber() && isCut(t.text().charAt(0));
            if (cut && t.start() > starts[n - 1]) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = t.start();
            }
        }
        return new Clauses(Arrays.copyOf(starts, n));
    }

    /** "as well as": one connective, cut before its first word only. */
    private static boolean isSecondAsOfAsWellAs(Words w, int k) {
        return k >= 2 && w.text(k).equals("as") && w.text(k - 1).equals("well") && w.text(k - 2).equals("as");
    }

    private static boolean isCut(char c) {
        return switch (c) {
            case ',', ';', ':', '(', ')', '—', '–', '，', '；', '：', '（', '）', '|' -> true;
            default -> false;
        };
    }

    /** Index of the clause holding {@code offset}. */
    int indexOf(int offset) {
        int idx = Arrays.binarySearch(starts, offset);
        return idx >= 0 ? idx : -idx - 2;
    }

    int start(int clause) {
        return starts[clause];
    }

    /** End of the clause, given the sentence end. */
    int end(int clause, int sentenceEnd) {
        return clause + 1 < starts.length ? starts[clause + 1] : sentenceEnd;
    }

    int count() {
        return starts.length;
    }

    /**
     * Whether the clause starts with a comma, colon or dash (a list or apposition: "its new release: Kimi K9 Thinking",
     * "两个模型——Step-9") rather than a connecting word.
     */
    boolean startsWithComma(String text, int clause) {
        char c = text.charAt(starts[clause]);
        return c == ',' || c == '，' || c == ':' || c == '：' || c == '—' || c == '–';
    }
}
