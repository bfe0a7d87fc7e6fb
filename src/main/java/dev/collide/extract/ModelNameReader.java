package dev.collide.extract;

import dev.collide.config.Lab;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads whole model names from the brand word on: brand + version + size + variant ("DeepSeek-V3.2-Exp",
 * "Qwen3.6 27B", "Llama 4 Maverick", "DeepSeek-Prover-V2", "Kimi Linear"), and unbranded versions ("K2.6", "V4")
 * when a lab is clear from the context. Canonical ids are lower case, parts joined by '-'; Qwen glues its version
 * to the brand ("qwen3.6-27b") as its own hub ids do. The family drops what follows the version (size, packaging
 * variants) but keeps launch variants and date suffixes ("deepseek-v3.2-exp", "kimi-k2-thinking", "deepseek-r1-0528").
 * Thread-safe; every scan is a bounded left-to-right walk, no backtracking.
 */
final class ModelNameReader {
    /** Brands whose launches are written glued to their version ("Qwen3", "Qwen2.5"), on the hub too. */
    private static final Set<String> GLUED_BRANDS = Set.of("qwen");
    /**
     * Brands that are also English words: read only in their exact case, and joined by '-' ("Step-3", not "Step 3")
     * unless the sentence names the lab ("OpenAI released Sora 2").
     */
    static final Set<String> COMMON_WORD_BRANDS = Set.of("step", "codex", "sora", "wan", "command", "seed", "nova",
            "titan", "cosmos");
    private static final int MAX_PARTS = 6;
    private static final int MAX_TOKEN = 16;
    private static final Set<String> VARIANTS = Set.of(
            "exp", "thinking", "instruct", "chat", "base", "coder", "math", "prover", "pro", "flash", "max", "plus",
            "turbo", "lite", "mini", "nano", "air", "maverick", "scout", "behemoth", "omni", "vl", "vision", "linear",
            "reasoner", "preview", "ultra", "small", "medium", "large", "next", "audio", "embedding", "ocr", "speciale",
            "terminus", "distill", "zero", "agent", "image", "video", "sonnet", "opus", "haiku", "oss", "dev", "edit",
            "researcher", "cli", "fp8", "realtime", "tts", "asr", "instant", "super",
            "experimental", "latest", "it", "moe", "dense", "speech", "voice");

    /**
     * Variant words that name a launch of their own, so they stay in the family: V3.2-Exp came months before V3.2,
     * K2-Thinking months after K2. Sizes, quantisations and Base/Instruct/Pro/Flash/Air stay out: one launch.
     */
    private static final Set<String> LAUNCH_VARIANTS = Set.of(
            "exp", "experimental", "thinking", "coder", "vl", "vision", "omni", "prover", "math", "ocr", "linear",
            "audio", "image", "video", "embedding", "speciale", "terminus", "next", "max", "turbo", "guard",
            "reasoner", "realtime", "tts", "asr");

    private enum PartKind { VERSION, SIZE, DATE, VARIANT, WORD }

    private record Part(PartKind kind, String text) {
    }

    private record LabPatterns(String brand, List<Pattern> patterns, List<Boolean> bare) {
    }

    private final Map<String, LabPatterns> byLab = new HashMap<>();
    /** Brands that may stand alone as a model name (see {@link #readBare}), in their configured spelling. */
    private final Set<String> bareBrands = new java.util.HashSet<>();
    /** Configured brand spelling to its id form: the config strings are reused, so their hashes are cached. */
    private final Map<String, String> brandIds = new HashMap<>();

    ModelNameReader(List<Lab> labs) {
        for (Lab lab : labs) {
            String brand = lab.brands().stream().filter(b -> b.chars().allMatch(c -> c < 128)).findFirst()
                    .orElse(lab.id());
            List<Pattern> patterns = new ArrayList<>();
            List<Boolean> bare = new ArrayList<>();
            for (String p : lab.modelPatterns()) {
                patterns.add(Pattern.compile(p));
                // labs.yml: a pattern starting with '^' names a model that stands without the brand (OpenAI's o3).
                bare.add(p.startsWith("^"));
            }
            byLab.put(lab.id(), new LabPatterns(brand, List.copyOf(patterns), List.copyOf(bare)));
            for (String b : lab.brands()) {
                brandIds.put(b, (b.chars().allMatch(c -> c < 128) ? b : brand).toLowerCase(Locale.ROOT));
                if (isModelShaped(b) && lab.aliases().stream().noneMatch(b::equalsIgnoreCase)) {
                    bareBrands.add(b);
                }
            }
        }
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
        String brandId = brandIds.getOrDefault(hit.key(), hit.key().toLowerCase(Locale.ROOT));
        if (COMMON_WORD_BRANDS.contains(brandId) && !labNamed
                && (hit.end() >= limit || text.charAt(hit.end()) != '-')) {
            return Optional.empty();
        }
        int end = readParts(text, hit.end(), limit, true, parts);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(build(hit.lab(), brandId, false, parts, hit.start(), end, text));
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
        int end = readParts(text, hit.end(), limit, false, parts);
        return parts.isEmpty() ? new ModelName(hit.lab(), id, text.substring(hit.start(), hit.end()), id, hit.start(),
                hit.end()) : build(hit.lab(), id, false, parts, hit.start(), end, text);
    }

    /**
     * Unbranded versions in {@code [from, to)} matching a pattern of one of {@code labs} (tried in order, so the
     * caller puts the most likely lab first), skipping spans already {@code taken}.
     */
    List<ModelName> readUnbranded(String text, int from, int to, List<String> labs, List<int[]> taken) {
        List<ModelName> found = new ArrayList<>();
        boolean anyPattern = false;
        for (String lab : labs) {
            LabPatterns lp = byLab.get(lab);
            anyPattern |= lp != null && !lp.patterns().isEmpty();
        }
        if (!anyPattern) {
            return found; // most labs name every model with a brand: nothing to scan for
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
            if (candidate && tokenEnd - i <= MAX_TOKEN && !isTaken(i, taken)) {
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

    private Optional<ModelName> matchUnbranded(String text, int start, int tokenEnd, int limit, String token,
                                               List<String> labs) {
        for (String lab : labs) {
            LabPatterns lp = byLab.get(lab);
            if (lp == null) {
                continue;
            }
            for (int p = 0; p < lp.patterns().size(); p++) {
                if (lp.patterns().get(p).matcher(token).matches()) {
                    List<Part> parts = new ArrayList<>();
                    boolean line = token.chars().allMatch(Character::isLetter);
                    parts.add(new Part(line ? PartKind.WORD : PartKind.VERSION, token));
                    int end = readParts(text, tokenEnd, limit, false, parts);
                    if (line && (parts.size() < 2 || parts.get(1).kind() != PartKind.VERSION)) {
                        continue; // "Small" alone is a word; "Small 3" is a model
                    }
                    boolean bare = lp.bare().get(p);
                    return Optional.of(build(lab, lp.brand().toLowerCase(Locale.ROOT), bare, parts, start, end, text));
                }
            }
        }
        return Optional.empty();
    }

    private static ModelName build(String lab, String brand, boolean bare, List<Part> parts, int start, int end,
                                   String text) {
        StringBuilder id = new StringBuilder(bare ? "" : brand);
        String family = null;
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            String lower = part.text().toLowerCase(Locale.ROOT);
            boolean glue = id.length() == 0
                    || (k == 0 && GLUED_BRANDS.contains(brand) && part.kind() == PartKind.VERSION
                    && Character.isDigit(lower.charAt(0)));
            id.append(glue ? "" : "-").append(lower);
            if (family == null && part.kind() == PartKind.VERSION) {
                family = id.toString();
            } else if (family != null && (part.kind() == PartKind.DATE
                    || (part.kind() == PartKind.VARIANT && LAUNCH_VARIANTS.contains(lower)))) {
                family = family + "-" + lower; // "-0528", "-thinking": a release of its own
            }
        }
        String modelId = id.toString();
        return new ModelName(lab, modelId, text.substring(start, end), family == null ? modelId : family, start, end);
    }

    /** Reads name parts from {@code pos}; returns the end of the last part read. */
    private static int readParts(String text, int pos, int limit, boolean afterBrand, List<Part> parts) {
        int end = pos;
        boolean hasVersion = parts.stream().anyMatch(p -> p.kind() == PartKind.VERSION);
        while (parts.size() < MAX_PARTS && end < limit) {
            char sep = text.charAt(end);
            int p = end;
            boolean glued = afterBrand && parts.isEmpty() && (Character.isDigit(sep)
                    || sep >= 'A' && sep <= 'Z' && end > 0 && Character.isLowerCase(text.charAt(end - 1)));
            boolean spaced = false;
            if (!glued) {
                if (sep != '-' && sep != ' ' && sep != '_') {
                    break;
                }
                p++;
                if (sep == ' ' && p + 1 < limit && text.charAt(p) == '-' && text.charAt(p + 1) == ' ') {
                    // "MiMo - V2 - Flash": machine translation spaces the hyphens of a name
                    sep = '-';
                    p += 2;
                    spaced = true;
                }
            }
            if (p >= limit || !NameDictionary.isLatinAlnum(text.charAt(p))) {
                break;
            }
            int tEnd = NameTokens.tokenEnd(text, p, limit);
            if (tEnd - p > MAX_TOKEN) {
                break;
            }
            tEnd = beforeGluedYearMonth(text, p, tEnd, limit);
            String token = text.substring(p, tEnd);
            PartKind kind = null;
            int monthYear = monthYearEnd(text, p, tEnd, limit);
            if (monthYear > 0 && (!parts.isEmpty() || afterBrand)) {
                // "Command R+ 08-2024", "command-r-plus-08-2024": a dated checkpoint, one part
                kind = PartKind.DATE;
                tEnd = monthYear;
                token = text.substring(p, tEnd);
            } else if (!glued && isYearMonthCode(token)) {
                kind = PartKind.DATE; // "Codestral 2508", "Mistral Small 2503": a checkpoint named by its month
            } else if (!glued && afterBrand && parts.isEmpty() && isLetterVersion(token, sep)) {
                kind = PartKind.VERSION; // "Command R", "Command A", "command-r": a one-letter line name
                if (tEnd < limit && text.charAt(tEnd) == '+') {
                    tEnd++;
                    token = token + "-plus"; // "Command R+" is the API's "command-r-plus"
                }
            } else {
                kind = classify(token, glued ? '-' : sep, hasVersion, !parts.isEmpty());
            }
            if (glued && kind == null && Character.isUpperCase(sep) && token.chars().allMatch(Character::isLetter)) {
                kind = PartKind.WORD; // "JanusFlow": a capitalised word glued to the brand
            }
            if (kind == null && sep == ' ' && parts.isEmpty() && afterBrand && NameTokens.isProductWord(token)
                    && NameTokens.isVersionAfterSpace(text, tEnd, limit)) {
                kind = PartKind.WORD; // "Gemini Robotics 2": a product word, then the version
            }
            if (kind == null || spaced && kind == PartKind.WORD) {
                break; // "Claude 4 - Anthropic's best": a dash of the sentence, not of the name
            }
            hasVersion |= kind == PartKind.VERSION;
            parts.add(new Part(kind, token));
            end = tEnd;
        }
        return end;
    }

    /** "08-2024" from {@code p}: a month, '-', a year of this century; the end of the year, or -1. */
    private static int monthYearEnd(String text, int p, int tEnd, int limit) {
        if (tEnd - p != 2 || NameTokens.digitsAt(text, p) != 2 || tEnd + 5 > limit || text.charAt(tEnd) != '-'
                || NameTokens.digitsAt(text, tEnd + 1) < 4 || !text.startsWith("20", tEnd + 1)) {
            return -1;
        }
        int month = (text.charAt(p) - '0') * 10 + text.charAt(p + 1) - '0';
        int end = tEnd + 5;
        boolean wordEnds = end == limit || !Character.isLetterOrDigit(text.charAt(end))
                || isYearMonthAt(text, end, limit); // "command-r-plus-08-20242024-08": a table cell glued on
        return month >= 1 && month <= 12 && wordEnds ? end : -1;
    }

    /**
     * Where a table's cells were joined without a space ("Doubao-1.5-Pro2025-01General", "command-r-plus2024-04"),
     * the name ends before the year-month glued to it; otherwise {@code tEnd}.
     */
    private static int beforeGluedYearMonth(String text, int p, int tEnd, int limit) {
        int q = tEnd - 4;
        if (q <= p || !Character.isLetter(text.charAt(q - 1)) || NameTokens.digitsAt(text, q) != 4) {
            return tEnd;
        }
        return isYearMonthAt(text, q, limit) ? q : tEnd;
    }

    /** "2024-08" at {@code at}: a year of 1990-2099, '-', a month, then no further digit. */
    private static boolean isYearMonthAt(String text, int at, int limit) {
        if (at + 7 > limit || NameTokens.digitsAt(text, at) != 4 || text.charAt(at + 4) != '-'
                || NameTokens.digitsAt(text, at + 5) != 2 || !(text.startsWith("19", at) || text.startsWith("20", at))) {
            return false;
        }
        int month = (text.charAt(at + 5) - '0') * 10 + text.charAt(at + 6) - '0';
        return month >= 1 && month <= 12 && (at + 7 == limit || !Character.isDigit(text.charAt(at + 7)));
    }

    /** "2508": a year-and-month code (YYMM) of 2023-2039; never a year, whose first two digits are 19 or 20. */
    private static boolean isYearMonthCode(String token) {
        if (token.length() != 4 || NameTokens.digitsAt(token, 0) != 4) {
            return false;
        }
        int yy = Integer.parseInt(token.substring(0, 2));
        int mm = Integer.parseInt(token.substring(2));
        return yy >= 23 && yy <= 39 && mm >= 1 && mm <= 12;
    }

    /** One Latin letter: capital after a space ("Command R"), any case after '-' ("command-r"). */
    private static boolean isLetterVersion(String token, char sep) {
        if (token.length() != 1 || !NameTokens.isLetter(token.charAt(0))) {
            return false;
        }
        return sep == '-' || Character.isUpperCase(token.charAt(0));
    }

    private static PartKind classify(String token, char sep, boolean hasVersion, boolean hasParts) {
        boolean hyphen = sep != ' ';
        if (NameTokens.isSize(token)) {
            return PartKind.SIZE;
        }
        if (token.length() == 4 && NameTokens.digitsAt(token, 0) == 4) {
            // "DeepSeek-V3-0324", "Qwen3-235B-A22B-Instruct-2507"; "DeepSeek 2025" is a year, not a name.
            return hyphen && hasParts ? PartKind.DATE : null;
        }
        if (VARIANTS.contains(token.toLowerCase(Locale.ROOT))) {
            return hyphen || Character.isUpperCase(token.charAt(0)) ? PartKind.VARIANT : null;
        }
        if (NameTokens.isVersion(token)) {
            if (hyphen) {
                return PartKind.VERSION;
            }
            // After a space: one version only, and a bare number must be small ("Gemma 3", not "Qwen 2026").
            boolean bareNumber = Character.isDigit(token.charAt(0));
            int intDigits = 0;
            while (intDigits < token.length() && Character.isDigit(token.charAt(intDigits))) {
                intDigits++;
            }
            return hasVersion || (bareNumber && intDigits > 2) ? null : PartKind.VERSION;
        }
        if (hyphen && Character.isUpperCase(token.charAt(0)) && token.chars().allMatch(Character::isLetter)) {
            return PartKind.WORD;
        }
        return null;
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
        while (out.size() < MAX_PARTS) {
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

    private static int skipListSeparator(String text, int p, int limit) {
        for (String sep : List.of(", and ", " and ", ", ", " or ", "/", "、", "和")) {
            if (text.startsWith(sep, p) && p + sep.length() <= limit) {
                return p + sep.length();
            }
        }
        return p;
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
