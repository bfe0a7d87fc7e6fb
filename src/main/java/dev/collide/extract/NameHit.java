package dev.collide.extract;

/**
 * One dictionary word found in a text: {@code [start, end)}, the lab it belongs to and what it is. For a
 * {@link Kind#MODEL} hit, {@code key} is the configured name ("FlashMLA"); otherwise the alias or brand as configured.
 */
record NameHit(int start, int end, Kind kind, String lab, String key) {
    enum Kind {
        /** Names the lab itself ("Moonshot AI", "智谱"). */
        ALIAS,
        /** A model-family word that a version may follow ("Qwen", "GLM"); may also name the lab ("DeepSeek"). */
        BRAND,
        /** A whole model, paper or tool name that stands alone ("FlashMLA", "MoBA"). */
        MODEL
    }
}
