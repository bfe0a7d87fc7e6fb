package dev.collide.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clouds and model hosts that serve other labs' models: "DeepSeek R9 is now available on Amazon Bedrock", "Kimi K9
 * is live on OpenRouter", "Azure 已上线 DeepSeek-V9" report another company making a model available, which the
 * corpus's rules count as no release (only the platform's own lab releases there: Google's model on Vertex AI).
 * Thread-safe.
 */
final class HostPlatforms {
    /** A platform's word (lower case) and the lab that owns it, "" for a host of no listed lab. */
    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("bedrock", "amazon"), Map.entry("sagemaker", "amazon"), Map.entry("azure", "microsoft"),
            Map.entry("foundry", "microsoft"), Map.entry("copilot", "microsoft"), Map.entry("vertex", "google"),
            Map.entry("watsonx", "ibm"), Map.entry("nim", "nvidia"), Map.entry("openrouter", ""),
            Map.entry("together", ""), Map.entry("groq", ""), Map.entry("fireworks", ""), Map.entry("replicate", ""),
            Map.entry("perplexity", ""), Map.entry("ollama", ""), Map.entry("deepinfra", ""),
            Map.entry("cerebras", ""), Map.entry("sambanova", ""), Map.entry("baseten", ""),
            Map.entry("cloudflare", ""), Map.entry("snowflake", ""), Map.entry("databricks", ""),
            Map.entry("poe", ""), Map.entry("cursor", ""));
    static final Set<String> HOST_WORDS = OWNER.keySet();
    /** Platform words that are also common words: only capitalised ("Together AI", not "together"). */
    private static final Set<String> NEEDS_CAPITAL = Vocabulary.of("together", "replicate", "perplexity", "poe",
            "cursor", "fireworks", "foundry", "snowflake", "nim");

    private HostPlatforms() {
    }

    /**
     * The name's clause names a platform of another lab (or of none) and the name's own lab does not act in it
     * (its name there, other than in the model's name or as a possessive "Meta's", makes it the lab's release).
     */
    static boolean isHostedByOther(String text, Words w, Clauses clauses, int sentenceEnd, ModelName name,
                                   List<NameHit> hits) {
        int c = clauses.indexOf(name.start());
        int from = clauses.start(c);
        int to = clauses.end(c, sentenceEnd);
        boolean other = false;
        for (int k = w.indexAt(from); k < w.size() && w.get(k).start() < to && !other; k++) {
            Words.Token t = w.get(k);
            String owner = (t.bits() & Lexicon.HOST) != 0 ? OWNER.get(t.text()) : null;
            if (owner != null && !owner.equals(name.lab()) && (t.start() < name.start() || t.start() >= name.end())
                    && (!NEEDS_CAPITAL.contains(t.text()) || Character.isUpperCase(text.charAt(t.start())))) {
                other = true;
            }
        }
        if (!other) {
            return false;
        }
        for (NameHit h : hits) {
            boolean outside = h.end() <= name.start() || h.start() >= name.end();
            if (outside && h.lab().equals(name.lab()) && h.kind() == NameHit.Kind.ALIAS && h.start() >= from
                    && h.start() < to && !text.startsWith("'s", h.end()) && !text.startsWith("’s", h.end())) {
                return false;
            }
        }
        return true;
    }
}
