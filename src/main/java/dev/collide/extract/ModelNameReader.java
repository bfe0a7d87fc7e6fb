package dev.collide.extract;

import dev.collide.config.Lab;
import dev.collide.extract.NameParts.Part;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads whole model names from the brand word on: brand + version + size + variant ("DeepSeek-V3.2-Exp",
 * "Qwen3.6 27B", "Llama 4 Maverick", "DeepSeek-Prover-V2", "Kimi Linear"); unbranded versions ("K2.6", "V4") are
 * {@link UnbrandedNameReader}'s, the parts after the brand {@link NameParts}'. Canonical ids are lower case, parts
 * joined by '-'; Qwen glues its version to the brand ("qwen3.6-27b") as its own hub ids do. The family drops what
 * follows the version (size, packaging variants) but keeps launch variants and date suffixes ("deepseek-v3.2-exp",
 * "kimi-k2-thinking", "deepseek-r1-0528"). Thread-safe; every scan is a bounded left-to-right walk, no
 * backtracking.
 */
final class ModelNameReader {
    /**
     * Brands that are also English words: read only in their exact case, and joined by '-' ("Step-3", not "Step 3")
     * unless the sentence names the lab ("OpenAI released Sora 2").
     */
    static final Set<String> COMMON_WORD_BRANDS = Vocabulary.of("step", "codex", "sora", "wan", "command", "seed",
            "nova", "titan", "cosmos");
    /** Brands that may stand alone as a model name (see {@link #readBare}), in their configured spelling. */
    private final Set<String> bareBrands = new java.util.HashSet<>();
    /** Configured brand spelling to its id form: the config strings are reused, so their hashes are cached. */
    private final Map<String, String> brandIds = new HashMap<>();

    ModelNameReader(List<Lab> labs) {
        for (Lab lab : labs) {
            String brand = latinBrand(lab);
            for (String b : lab.brands()) {
                brandIds.put(b, (b.chars().allMatch(c -> c < 128) ? b : brand).toLowerCase(Locale.ROOT));
                if (isModelShaped(b) && lab.aliases().stream().noneMatch(b::equalsIgnoreCase)) {
                    bareBrands.add(b);
                }
            }
        }
    }

    /** The lab's first brand written in Latin letters ("Qwen", not "通义千问"), else its id. */
    static String latinBrand(Lab lab) {
        return lab.brands().stream().filter(b -> b.chars().allMatch(c -> c < 128)).findFirst().orElse(lab.id());
    }

    /**
     * The names that the dictionary's {@code hits} of one sentence (ending at {@code to}) start, into {@code found};
     * brands read by themselves into {@code bare}, the labs named into {@code labs}, the spans read into
     * {@code taken}.
     */
    void readHits(String text, List<NameHit> hits, int to, List<String> labs, List<ModelName> found,
                  List<ModelName> bare, List<int[]> taken) {
        boolean afterPrefix = false;
        for (int k = 0; k < hits.size(); k++) {
            NameHit hit = hits.get(k);
            if (!labs.contains(hit.lab())) {
                labs.add(hit.lab());
            }
            if (NameShapes.isCompanyPrefix(text, hit, k + 1 < hits.size() ? hits.get(k + 1) : null)) {
                afterPrefix = true;
                continue; // "MiniMax-Hailuo-02" is Hailuo 02: one id however the company prefix is written
            }
            // "Doubao Seed 9.1": a common-word brand right after its lab's other brand is the brand, not the word
            boolean labNamed = afterPrefix || NameShapes.isAliasHit(hits, hit.lab());
            afterPrefix = false;
            NameHit next = k + 1 < hits.size() ? hits.get(k + 1) : null;
            // "GLM-4.5GLM-4.5-Air": a name glued to the next one ends where the next begins
            int limit = next != null && next.start() < to && next.start() > hit.end()
                    && NameDictionary.isLatinAlnum(text.charAt(next.start() - 1)) ? next.start() : to;
            Optional<ModelName> name = switch (hit.kind()) {
                case BRAND -> readBranded(text, hit, limit, labNamed);
                case MODEL -> Optional.of(readStandalone(text, hit, limit));
                case ALIAS -> Optional.empty();
            };
            if (name.isEmpty() && hit.kind() == NameHit.Kind.BRAND) {
                readBare(text, hit).ifPresent(bare::add);
            }
            int end = hit.end();
            if (name.isPresent()) {
                found.add(name.get());
                end = name.get().end();
                for (ModelName sibling : readSiblings(text, name.get(), to)) {
                    found.add(sibling);
                    end = sibling.end();
                }
            }
            taken.add(new int[] {hit.start(), end});
        }
    }

    /**
     * The name that starts with brand {@code hit}, or empty when no version, size or variant follows the brand.
     * {@code labNamed}: the sentence also names the brand's lab by an alias.
     */
    Optional<ModelName> readBranded(String text, NameHit hit, int limit, boolean labNamed) {
        List<Part> parts = new ArrayList<>();
        String brandId = brandIds.get(hit.key()); // not getOrDefault: its default would be lower-cased every time
        if (brandId == null) {
            brandId = hit.key().toLowerCase(Locale.ROOT);
        }
        if (COMMON_WORD_BRANDS.contains(brandId) && !labNamed
                && (hit.end() >= limit || text.charAt(hit.end()) != '-')) {
            return Optional.empty();
        }
        int end = NameParts.readParts(text, hit.end(), limit, true, parts);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NameParts.build(hit.lab(), brandId, false, parts, hit.start(), end, text));
    }

    /**
     * The brand by itself as a model name ("OLMoE", "OpenELM"), for brands written like a model rather than a
     * word or a company: an inner capital or all capitals, not also the lab's name, not a chat product. The caller
     * keeps it only where a release verb takes it as its object.
     */
    Optional<ModelName> readBare(String text, NameHit hit) {
        if (!bareBrands.contains(hit.key()) || !text.startsWith(hit.key(), hit.start())) {
            return Optional.empty(); // in its configured case only: "OLMoE", not "olmoe"
        }
        String brand = hit.key();
        String id = brand.toLowerCase(Locale.ROOT);
        return Optional.of(new ModelName(hit.lab(), id, brand, id, hit.start(), hit.end()));
    }

    private static boolean isModelShaped(String brand) {
        if (brand.length() < 3 || !brand.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                || brand.toLowerCase(Locale.ROOT).startsWith("chat")) {
            return false;
        }
        return brand.chars().skip(1).anyMatch(Character::isUpperCase);
    }

    /** A stand-alone name from labs.yml ("FlashMLA"), with the version that may follow ("DeepSeek-OCR 2"). */
    ModelName readStandalone(String text, NameHit hit, int limit) {
        String id = hit.key().toLowerCase(Locale.ROOT).replace(' ', '-');
        List<Part> parts = new ArrayList<>();
        int end = NameParts.readParts(text, hit.end(), limit, false, parts);
        return parts.isEmpty() ? new ModelName(hit.lab(), id, text.substring(hit.start(), hit.end()), id, hit.start(),
                hit.end()) : NameParts.build(hit.lab(), id, false, parts, hit.start(), end, text);
    }

    /**
     * Sizes listed after a name ("Llama 3.2 1B and 3B", "Qwen3 32B, 14B or 8B"): each is a model of the same
     * launch. Empty unless the name ends with a size.
     */
    List<ModelName> readSiblings(String text, ModelName name, int limit) {
        int dash = name.modelId().lastIndexOf('-');
        if (dash < 0 || !NameTokens.isSize(name.modelId().substring(dash + 1))) {
            return List.of();
        }
        String base = name.modelId().substring(0, dash + 1);
        List<ModelName> out = new ArrayList<>();
        int p = name.end();
        while (out.size() < NameParts.MAX_PARTS) {
            int next = skipListSeparator(text, p, limit);
            if (next == p || next >= limit || !NameDictionary.isLatinAlnum(text.charAt(next))) {
                break;
            }
            int end = NameTokens.tokenEnd(text, next, limit);
            String token = text.substring(next, end);
            if (!NameTokens.isSize(token)) {
                break;
            }
            out.add(new ModelName(name.lab(), base + token.toLowerCase(Locale.ROOT), token, name.family(), next, end));
            p = end;
        }
        return out;
    }

    private static final List<String> LIST_SEPARATORS = List.of(", and ", " and ", ", ", " or ", "/", "、", "和");

    private static int skipListSeparator(String text, int p, int limit) {
        for (String sep : LIST_SEPARATORS) {
            if (text.startsWith(sep, p) && p + sep.length() <= limit) {
                return p + sep.length();
            }
        }
        return p;
    }
}
