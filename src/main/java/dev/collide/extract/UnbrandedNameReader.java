package dev.collide.extract;

import dev.collide.config.Lab;
import dev.collide.extract.NameParts.Part;
import dev.collide.extract.NameParts.PartKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads model names written without their brand ("K2.6", "V4", "o3", "Small 3.1") by the labs' model patterns
 * (labs.yml), when the context makes a lab clear. Thread-safe.
 */
final class UnbrandedNameReader {
    private record LabPatterns(String brand, List<ModelPattern> patterns) {
    }

    /**
     * A model pattern of labs.yml. {@code literal}: a pattern without regex syntax ("FlashMLA") matches only itself;
     * {@code first}: a pattern with no alternation that opens with a letter or digit not under a quantifier
     * ("K\d+") matches only tokens that open with it (else 0). Both rule a token out without a Matcher, and are
     * exact: they say no only where the regex would. {@code bare}: the name stands without the brand.
     */
    private record ModelPattern(Pattern regex, String literal, char first, boolean bare) {
        static ModelPattern of(String pattern) {
            // labs.yml: a pattern starting with '^' names a model that stands without the brand (OpenAI's o3).
            boolean bare = pattern.startsWith("^");
            String body = bare ? pattern.substring(1) : pattern;
            char first = 0;
            if (!body.isEmpty() && NameDictionary.isLatinAlnum(body.charAt(0)) && pattern.indexOf('|') < 0
                    && (body.length() == 1 || "?*+{".indexOf(body.charAt(1)) < 0)) {
                first = body.charAt(0);
            }
            return new ModelPattern(Pattern.compile(pattern), NameDictionary.isLiteral(pattern) ? pattern : null,
                    first, bare);
        }

        boolean matches(String token) {
            if (literal != null) {
                return token.equals(literal);
            }
            return (first == 0 || token.charAt(0) == first) && regex.matcher(token).matches();
        }
    }

    private final Map<String, LabPatterns> byLab = new HashMap<>();

    UnbrandedNameReader(List<Lab> labs) {
        for (Lab lab : labs) {
            String brand = ModelNameReader.latinBrand(lab);
            List<ModelPattern> patterns = new ArrayList<>();
            for (String p : lab.modelPatterns()) {
                patterns.add(ModelPattern.of(p));
            }
            byLab.put(lab.id(), new LabPatterns(brand, List.copyOf(patterns)));
        }
    }

    /**
     * Unbranded versions in {@code [from, to)} matching a pattern of one of {@code labs} (tried in order, so the
     * caller puts the most likely lab first), skipping spans already {@code taken}.
     */
    List<ModelName> read(String text, int from, int to, List<String> labs, List<int[]> taken) {
        List<ModelName> found = new ArrayList<>();
        if (!hasPatterns(labs) || !NameTokens.hasDigit(text, from, to)) {
            return found; // every candidate below has a digit ("V4", "Small 3.1"): most sentences have none
        }
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!NameDictionary.isLatinAlnum(c)) {
                i++;
                continue;
            }
            // i starts a word: a candidate is one or two letters then a digit ("V4", "K2.6", "o3"), or a
            // capitalised word then a space and a digit (a product line without its brand: "Small 3.1").
            boolean candidate = NameTokens.isLetter(c) && i + 1 < to && (Character.isDigit(text.charAt(i + 1))
                    || i + 2 < to && NameTokens.isLetter(text.charAt(i + 1)) && Character.isDigit(text.charAt(i + 2)));
            int tokenEnd = NameTokens.tokenEnd(text, i, to);
            candidate |= c >= 'A' && c <= 'Z' && tokenEnd + 1 < to && text.charAt(tokenEnd) == ' '
                    && Character.isDigit(text.charAt(tokenEnd + 1)) && (i == from || text.charAt(i - 1) != '-');
            if (candidate && tokenEnd - i <= NameParts.MAX_TOKEN && !isTaken(i, taken)) {
                Optional<ModelName> name = matchUnbranded(text, i, tokenEnd, to, text.substring(i, tokenEnd), labs);
                if (name.isPresent()) {
                    found.add(name.get());
                    i = name.get().end();
                    continue;
                }
            }
            i = Math.max(tokenEnd, i + 1);
        }
        return found;
    }

    /** Whether one of {@code labs} has a model pattern: most labs name every model with a brand. */
    boolean hasPatterns(List<String> labs) {
        for (String lab : labs) {
            LabPatterns lp = byLab.get(lab);
            if (lp != null && !lp.patterns().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Optional<ModelName> matchUnbranded(String text, int start, int tokenEnd, int limit, String token,
                                               List<String> labs) {
        for (String lab : labs) {
            LabPatterns lp = byLab.get(lab);
            if (lp == null) {
                continue;
            }
            for (ModelPattern pattern : lp.patterns()) {
                if (pattern.matches(token)) {
                    List<Part> parts = new ArrayList<>();
                    boolean line = NameTokens.isAllLetters(token);
                    parts.add(new Part(line ? PartKind.WORD : PartKind.VERSION, token));
                    int end = NameParts.readParts(text, tokenEnd, limit, false, parts);
                    if (line && (parts.size() < 2 || parts.get(1).kind() != PartKind.VERSION)) {
                        continue; // "Small" alone is a word; "Small 3" is a model
                    }
                    return Optional.of(NameParts.build(lab, lp.brand().toLowerCase(Locale.ROOT), pattern.bare(), parts,
                            start, end, text));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTaken(int pos, List<int[]> taken) {
        for (int[] span : taken) {
            if (pos >= span[0] && pos < span[1]) {
                return true;
            }
        }
        return false;
    }
}
