package dev.collide.config;

import java.util.List;

/**
 * A lab Collide knows (config/labs.yml). {@code aliases} are names that mean the lab itself ("Kimi", "月之暗面");
 * {@code brands} are model-family prefixes the lab owns ("Kimi", "DeepSeek", "Qwen", "GLM");
 * {@code modelPatterns} are regular expressions for whole model names that carry no brand word (e.g. "K2(?:\\.\\d+)?").
 */
public record Lab(String id, String name, List<String> aliases, List<String> brands, List<String> modelPatterns,
                  List<String> hubOrgs) {
    public Lab {
        if (id == null || !SourceConfig.ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("lab id must match [a-z0-9-]+: " + id);
        }
        aliases = List.copyOf(aliases);
        brands = List.copyOf(brands);
        modelPatterns = List.copyOf(modelPatterns);
        hubOrgs = List.copyOf(hubOrgs);
    }

    /** The one wording, on the CLI and the API, for a lab id that is not configured (issue #14). */
    public static String notConfigured(String id, List<Lab> labs) {
        return "lab '" + id + "' is not a configured lab; known labs: "
                + String.join(", ", labs.stream().map(Lab::id).toList());
    }
}
