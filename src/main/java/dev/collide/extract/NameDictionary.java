package dev.collide.extract;

import dev.collide.config.Lab;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lab aliases, brands and stand-alone model names of config/labs.yml in one Aho–Corasick automaton. A hit counts
 * only on word boundaries (a brand may be glued to its version: "Qwen3"); where two hits overlap the leftmost
 * longest wins ("DeepSeek AI" over "DeepSeek"). Immutable and thread-safe.
 */
final class NameDictionary {
    /** A model pattern without regex syntax is a name of its own ("FlashMLA"); anything else needs a lab context. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 \\-]*");

    private record Entry(NameHit.Kind kind, String lab, String key, boolean exactCase) {
    }

    private final AhoCorasick automaton;
    private final List<Entry> entries;

    NameDictionary(List<Lab> labs) {
        Map<String, Entry> byKey = new HashMap<>();
        List<Entry> list = new ArrayList<>();
        for (Lab lab : labs) {
            for (String brand : lab.brands()) {
                boolean common = ModelNameReader.COMMON_WORD_BRANDS.contains(brand.toLowerCase(Locale.ROOT));
                add(byKey, list, new Entry(NameHit.Kind.BRAND, lab.id(), brand, common));
            }
            for (String alias : lab.aliases()) {
                add(byKey, list, new Entry(NameHit.Kind.ALIAS, lab.id(), alias, false));
            }
            for (String pattern : lab.modelPatterns()) {
                if (isLiteral(pattern)) {
                    // Exact case: "MoBA" is a method, "moba" a game genre.
                    add(byKey, list, new Entry(NameHit.Kind.MODEL, lab.id(), pattern, true));
                }
            }
        }
        entries = List.copyOf(list);
        automaton = new AhoCorasick(entries.stream().map(Entry::key).toList());
    }

    /** Whether a model pattern of labs.yml is a plain name, which as a regex matches only itself. */
    static boolean isLiteral(String pattern) {
        return LITERAL.matcher(pattern).matches();
    }

    /** A brand that is also an alias ("DeepSeek", "MiniMax") is kept once, as a brand: it names the lab too. */
    private static void add(Map<String, Entry> byKey, List<Entry> list, Entry entry) {
        // An exact-case entry keeps each configured spelling ("Command" and the API's "command-r")
        String folded = entry.exactCase() ? entry.key() : entry.key().toLowerCase(Locale.ROOT);
        if (entry.key().isBlank() || byKey.containsKey(folded)) {
            return;
        }
        byKey.put(folded, entry);
        list.add(entry);
    }

    /** All hits in {@code text}, sorted by start, none overlapping. */
    List<NameHit> find(String text) {
        List<NameHit> raw = new ArrayList<>();
        // A name that begins inside a word is never accepted (isAccepted: only after a digit may one be glued on)
        automaton.findOutsideWords(text, (start, end, k) -> {
            Entry e = entries.get(k);
            if (isAccepted(text, start, end, e)) {
                raw.add(new NameHit(start, end, e.kind(), e.lab(), e.key()));
            }
        });
        raw.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<NameHit> kept = new ArrayList<>();
        int coveredTo = -1;
        for (NameHit h : raw) {
            if (h.start() >= coveredTo) {
                kept.add(h);
                coveredTo = h.end();
            }
        }
        return kept;
    }

    private static boolean isAccepted(CharSequence text, int start, int end, Entry e) {
        if (start > 0 && isLatinAlnum(text.charAt(start - 1)) && isLatinAlnum(text.charAt(start))
                && !isAfterLostSeparator(text, start, end, e)) {
            return false;
        }
        if (end < text.length()) {
            char next = text.charAt(end);
            // A brand may be glued to its version ("Qwen3", "GLM4") or to a capitalised word of the name
            // ("JanusFlow"), never to more lower-case letters ("Stepwise").
            boolean glueOk = e.kind() == NameHit.Kind.BRAND && (Character.isDigit(next)
                    || next >= 'A' && next <= 'Z' && Character.isLowerCase(text.charAt(end - 1)));
            if (isLatinAlnum(next) && !glueOk && isLatinAlnum(text.charAt(end - 1))) {
                return false;
            }
        }
        if (e.exactCase()) {
            for (int i = start; i < end; i++) {
                if (text.charAt(i) != e.key().charAt(i - start)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * "GLM-4.5GLM-4.5-Air": a copy lost the separator between two names; an upper-case brand of three letters or
     * more, written in its exact case, right after a digit starts a name of its own.
     */
    private static boolean isAfterLostSeparator(CharSequence text, int start, int end, Entry e) {
        if (e.kind() != NameHit.Kind.BRAND || end - start < 3 || !Character.isDigit(text.charAt(start - 1))
                || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != e.key().charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    static boolean isLatinAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
