package dev.collide.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Variants a sentence names by their last word only, once it has named the launch (issue #12 item 3): a list after
 * a colon ("the Llama 9 squad: Scout, Maverick, and the beastly Behemoth") and a reference to a sibling tier ("The
 * Magistral Small model is open-source, while the Medium variant ..."). Each becomes a name of the launch's lab,
 * mapped to the name it is a variant of, whose release verdict it shares.
 */
final class VariantLists {
    private static final Set<String> LIST_NOUNS = Vocabulary.of("versions", "variants", "sizes", "models", "squad",
            "family", "lineup", "line-up", "trio", "duo", "flavors", "flavours", "editions", "tiers", "herd");
    private static final Set<String> TIERS = Vocabulary.of("small", "medium", "large", "mini", "nano", "pro", "flash",
            "lite", "max", "plus", "ultra", "air", "turbo");
    private static final Set<String> REFERENCE_HEADS = Vocabulary.of("variant", "version", "model", "edition", "tier");
    /** Characters between a name and the colon of its list: "Llama 9 squad:", "Qwen9 in three sizes:". */
    private static final int MAX_LEAD = 40;
    private static final int MAX_ITEMS = 8;

    private VariantLists() {
    }

    /** The variants of the sentence {@code w} (ending at {@code to}), each mapped to its base among {@code found}. */
    static Map<ModelName, ModelName> read(String text, Words w, int to, List<ModelName> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<ModelName, ModelName> out = null;
        for (int k = 0; k < w.size(); k++) { // tokens, not characters: most sentences have neither shape
            Words.Token t = w.get(k);
            if (!t.isWord() && t.text().equals(":")) {
                ModelName base = listBase(text, t.start(), found);
                if (base != null) {
                    out = out == null ? new IdentityHashMap<>() : out;
                    readList(text, t.end(), to, base, found, out);
                }
            } else if (t.isWord() && t.text().equals("the") && k + 2 < w.size() && TIERS.contains(w.text(k + 1))
                    && REFERENCE_HEADS.contains(w.text(k + 2))) {
                Words.Token tier = w.get(k + 1);
                if (Character.isUpperCase(text.charAt(tier.start()))) {
                    out = out == null ? new IdentityHashMap<>() : out;
                    sibling(tier.text(), text.substring(tier.start(), tier.end()), tier.start(), tier.end(), found,
                            out);
                }
            }
        }
        return out == null ? Map.of() : out;
    }

    /** The name just before the colon, with a list noun between them ("the Llama 9 squad:"), or null. */
    private static ModelName listBase(String text, int colon, List<ModelName> found) {
        ModelName base = null;
        for (ModelName n : found) {
            if (n.end() <= colon && colon - n.end() <= MAX_LEAD) {
                base = n;
            }
        }
        if (base == null) {
            return null;
        }
        for (String word : text.substring(base.end(), colon).toLowerCase(Locale.ROOT).split("[^a-z-]+")) {
            if (LIST_NOUNS.contains(word)) {
                return base;
            }
        }
        return null;
    }

    /** "Scout, Maverick, and the beastly Behemoth": capitalised one-word items; kept only when two or more. */
    private static void readList(String text, int p, int to, ModelName base, List<ModelName> found,
                                 Map<ModelName, ModelName> out) {
        Map<ModelName, ModelName> items = new IdentityHashMap<>();
        while (p < to && items.size() < MAX_ITEMS) {
            p = skip(text, p, to, " ");
            int q = p;
            if (text.startsWith("the ", q)) {
                q = skip(text, q + 4, to, " ");
                int adjective = q;
                while (q < to && text.charAt(q) >= 'a' && text.charAt(q) <= 'z') {
                    q++;
                }
                q = q > adjective && q < to && text.charAt(q) == ' ' ? q + 1 : adjective;
            }
            int start = q;
            if (q >= to || text.charAt(q) < 'A' || text.charAt(q) > 'Z') {
                break;
            }
            q++;
            while (q < to && text.charAt(q) >= 'a' && text.charAt(q) <= 'z') {
                q++;
            }
            if (q - start < 3 || q - start > 12 || q < to && Character.isLetterOrDigit(text.charAt(q))
                    || isTaken(start, found)) {
                break;
            }
            items.put(variant(base, text.substring(start, q), start, q), base);
            p = q;
            int next = skipSeparator(text, p, to);
            if (next == p) {
                break;
            }
            p = next;
        }
        if (items.size() >= 2 && items.keySet().stream().allMatch(VariantLists::isNameLike)) {
            out.putAll(items);
        }
    }

    /**
     * A list item that can be a variant's name: a known variant word ("Scout", "Small"), or a word that is neither a
     * plural nor a gerund ("the Qwen9 models: Reasoning, Coding, and Agents" lists features, not models).
     */
    private static boolean isNameLike(ModelName item) {
        String word = item.display().substring(item.display().lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return NameParts.isVariantWord(word) || !word.endsWith("s") && !word.endsWith("ing");
    }

    /** "the Medium variant" beside "Magistral Small": Magistral Medium. */
    private static void sibling(String tier, String word, int start, int end, List<ModelName> found,
                                Map<ModelName, ModelName> out) {
        for (ModelName n : found) {
            int space = n.display().lastIndexOf(' ');
            String last = space < 0 ? "" : n.display().substring(space + 1).toLowerCase(Locale.ROOT);
            if (TIERS.contains(last) && !last.equals(tier) && n.modelId().endsWith("-" + last)) {
                String display = n.display().substring(0, space) + " " + word;
                String id = n.modelId().substring(0, n.modelId().length() - last.length()) + tier;
                String family = n.family().equals(n.modelId()) ? id : n.family();
                out.put(new ModelName(n.lab(), id, display, family, start, end), n);
                return;
            }
        }
    }

    private static ModelName variant(ModelName base, String word, int start, int end) {
        String id = base.modelId() + "-" + word.toLowerCase(Locale.ROOT);
        boolean versioned = base.modelId().chars().anyMatch(Character::isDigit);
        return new ModelName(base.lab(), id, base.display() + " " + word, versioned ? base.family() : id, start, end);
    }

    private static boolean isTaken(int at, List<ModelName> found) {
        for (ModelName n : found) {
            if (at >= n.start() && at < n.end()) {
                return true;
            }
        }
        return false;
    }

    private static int skip(String text, int p, int to, String chars) {
        while (p < to && chars.indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        return p;
    }

    /** Past ", ", ", and ", " and ", " & " or " or ", else {@code p}. */
    private static int skipSeparator(String text, int p, int to) {
        for (String sep : new String[] {", and ", ", or ", ", ", " and ", " & ", " or "}) {
            if (text.startsWith(sep, p) && p + sep.length() <= to) {
                return p + sep.length();
            }
        }
        return p;
    }
}
