package dev.collide.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a model name after its brand or first token (version, size, date code, variant, word) and the
 * canonical id and family built from them, for {@link ModelNameReader}: ids are lower case, parts joined by '-',
 * a glued brand's version glued ("qwen3.6-27b"); the family keeps launch variants and date codes. Every scan is a
 * bounded left-to-right walk. Thread-safe.
 */
final class NameParts {
    enum PartKind { VERSION, SIZE, DATE, VARIANT, WORD }

    /** {@code lower}: the text in lower case, as the id spells it (made once: the variant lists look it up). */
    record Part(PartKind kind, String text, String lower) {
        Part(PartKind kind, String text) {
            this(kind, text, text.toLowerCase(Locale.ROOT));
        }
    }

    static final int MAX_PARTS = 6;
    static final int MAX_TOKEN = 16;

    /** Brands whose launches are written glued to their version ("Qwen3", "Qwen2.5"), on the hub too. */
    private static final Set<String> GLUED_BRANDS = Vocabulary.of("qwen");

    private static final Set<String> VARIANTS = Vocabulary.of(
            "exp", "thinking", "instruct", "chat", "base", "coder", "math", "prover", "pro", "flash", "max", "plus",
            "turbo", "lite", "mini", "nano", "air", "maverick", "scout", "behemoth", "omni", "vl", "vision", "linear",
            "reasoner", "preview", "ultra", "small", "medium", "large", "next", "audio", "embedding", "ocr", "speciale",
            "terminus", "distill", "zero", "agent", "image", "video", "sonnet", "opus", "haiku", "oss", "dev", "edit",
            "researcher", "cli", "fp8", "realtime", "tts", "asr", "instant", "super",
            "experimental", "latest", "it", "moe", "dense", "speech", "voice", "fast", "multimodal", "reasoning");

    /**
     * Variant words that name a launch of their own, so they stay in the family: V3.2-Exp came months before V3.2,
     * K2-Thinking months after K2. Sizes, quantisations and Base/Instruct/Pro/Flash/Air stay out: one launch.
     */
    private static final Set<String> LAUNCH_VARIANTS = Vocabulary.of(
            "exp", "experimental", "thinking", "coder", "vl", "vision", "omni", "prover", "math", "ocr", "linear",
            "audio", "image", "video", "embedding", "speciale", "terminus", "next", "max", "turbo", "guard",
            "reasoner", "realtime", "tts", "asr", "fast", "multimodal", "reasoning", "deep-think", "deep-research");

    private NameParts() {
    }

    /** A word that names a variant after a brand and version ("mini", "scout", "thinking"), in lower case. */
    static boolean isVariantWord(String lower) {
        return VARIANTS.contains(lower);
    }

    /** Reads name parts from {@code pos}; returns the end of the last part read. */
    static int readParts(String text, int pos, int limit, boolean afterBrand, List<Part> parts) {
        int end = pos;
        boolean hasVersion = false;
        for (Part part : parts) {
            hasVersion |= part.kind() == PartKind.VERSION;
        }
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
            String lower = null; // the token in lower case, if classify needed it
            int monthYear = monthYearEnd(text, p, tEnd, limit);
            if (monthYear > 0 && (!parts.isEmpty() || afterBrand)) {
                // "Command R+ 08-2024", "command-r-plus-08-2024": a dated checkpoint, one part
                kind = PartKind.DATE;
                tEnd = monthYear;
                token = text.substring(p, tEnd);
            } else if (!glued && twoWordVariantEnd(text, p, tEnd, limit) > 0) {
                kind = PartKind.VARIANT; // "Gemini 9 Deep Think": a launch named by two words, one part
                tEnd = twoWordVariantEnd(text, p, tEnd, limit);
                token = text.substring(p, tEnd).replace(' ', '-');
            } else if (!glued && isYearMonthCode(token)) {
                kind = PartKind.DATE; // "Codestral 2508", "Mistral Small 2503": a checkpoint named by its month
            } else if (!glued && afterBrand && parts.isEmpty() && isLetterVersion(token, sep)) {
                kind = PartKind.VERSION; // "Command R", "Command A", "command-r": a one-letter line name
                if (tEnd < limit && text.charAt(tEnd) == '+') {
                    tEnd++;
                    token = token + "-plus"; // "Command R+" is the API's "command-r-plus"
                }
            } else {
                lower = token.toLowerCase(Locale.ROOT);
                kind = classify(token, lower, glued ? '-' : sep, hasVersion, !parts.isEmpty());
            }
            if (glued && kind == null && Character.isUpperCase(sep) && NameTokens.isAllLetters(token)) {
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
            parts.add(lower != null ? new Part(kind, token, lower) : new Part(kind, token));
            end = tEnd;
        }
        return end;
    }

    static ModelName build(String lab, String brand, boolean bare, List<Part> parts, int start, int end,
                                   String text) {
        StringBuilder id = new StringBuilder(bare ? "" : brand);
        String family = null;
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            String lower = part.lower();
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

    private static PartKind classify(String token, String lower, char sep, boolean hasVersion, boolean hasParts) {
        boolean hyphen = sep != ' ';
        if (NameTokens.isSize(token)) {
            return PartKind.SIZE;
        }
        if (token.length() == 4 && NameTokens.digitsAt(token, 0) == 4) {
            // "DeepSeek-V3-0324", "Qwen3-235B-A22B-Instruct-2507"; "DeepSeek 2025" is a year, not a name.
            return hyphen && hasParts ? PartKind.DATE : null;
        }
        if (VARIANTS.contains(lower)) {
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
        if (hyphen && Character.isUpperCase(token.charAt(0)) && NameTokens.isAllLetters(token)) {
            return PartKind.WORD;
        }
        return null;
    }

    /** Launch variants written as two words: the first, then the second. */
    private static final Map<String, Set<String>> TWO_WORD_VARIANTS = Map.of("deep", Set.of("think", "research"));

    /** "Deep Think", "Deep-Research" from {@code p}: the end of the second word, or -1. */
    private static int twoWordVariantEnd(String text, int p, int tEnd, int limit) {
        char c = text.charAt(p);
        if (tEnd - p != 4 || c != 'D' && c != 'd') {
            return -1; // the first word is "Deep": no copy of every other part
        }
        Set<String> second = TWO_WORD_VARIANTS.get(text.substring(p, tEnd).toLowerCase(Locale.ROOT));
        if (second == null || tEnd + 1 >= limit || text.charAt(tEnd) != ' ' && text.charAt(tEnd) != '-') {
            return -1;
        }
        int end = NameTokens.tokenEnd(text, tEnd + 1, limit);
        boolean wordEnds = end == limit || text.charAt(end) != '-'; // not "think-tank"
        return wordEnds && second.contains(text.substring(tEnd + 1, end).toLowerCase(Locale.ROOT)) ? end : -1;
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
                || NameTokens.isYearMonthAt(text, end, limit); // "command-r-plus-08-20242024-08": a table cell glued on
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
        return NameTokens.isYearMonthAt(text, q, limit) ? q : tEnd;
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
}
