package dev.collide.config;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The keys each source kind needs (issue #5), checked once at load so a typo is a line number, not a failed poll. */
final class SourceKindChecks {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> HUB_TYPES = Set.of("models", "datasets", "spaces");

    private SourceKindChecks() {
    }

    static void check(YamlMap s, String id, SourceKind kind, Duration every) throws ConfigException {
        String where = "source '" + id + "' (kind " + kind.yamlName() + ")";
        switch (kind) {
            case HUGGINGFACE -> {
                String org = s.requiredString("org", where + " needs the Hub organisation; add \"org: deepseek-ai\"");
                if (!ORG.matcher(org).matches()) {
                    throw s.error("org", where + ": org '" + org + "' is not a Hub name; write it as in the URL,"
                            + " e.g. \"org: moonshotai\" for https://huggingface.co/moonshotai");
                }
                for (String type : s.string("include").orElse("models").split("[,\\s]+")) {
                    if (!type.isBlank() && !HUB_TYPES.contains(type)) {
                        throw s.error("include", where + ": include '" + type + "' is unknown; use models, datasets"
                                + " and/or spaces, e.g. \"include: models, datasets\"");
                    }
                }
                s.number("pages", 1, 1, 20);
            }
            case GITHUB_ORG -> {
                String org = s.requiredString("org", where + " needs the GitHub organisation; add"
                        + " \"org: deepseek-ai\"");
                if (!ORG.matcher(org).matches()) {
                    throw s.error("org", where + ": org '" + org + "' is not a GitHub name; write it as in the URL,"
                            + " e.g. \"org: MoonshotAI\" for https://github.com/MoonshotAI");
                }
            }
            case GITHUB_RELEASES -> {
                String repo = s.requiredString("repo", where + " needs a repository; add \"repo: QwenLM/Qwen3\"");
                if (!REPO.matcher(repo).matches()) {
                    throw s.error("repo", where + ": repo '" + repo + "' must be OWNER/NAME, e.g."
                            + " \"repo: deepseek-ai/DeepSeek-V3\"");
                }
            }
            case ARXIV -> {
                s.requiredString("query", where + " needs a search query; add e.g. 'query: au:\"DeepSeek-AI\"'");
                s.number("maxResults", 25, 1, 200);
            }
            case HTML -> {
                s.requiredString("item", where + " needs a CSS selector for each entry; add e.g. \"item: article\"");
                s.requiredString("title", where + " needs a CSS selector for the title inside an item; add e.g."
                        + " \"title: h2\"");
                Optional<String> format = s.string("dateFormat");
                if (format.isPresent()) {
                    try {
                        DateTimeFormatter.ofPattern(format.get());
                    } catch (IllegalArgumentException e) {
                        throw s.error("dateFormat", where + ": dateFormat '" + format.get() + "' is not a Java date"
                                + " pattern (" + e.getMessage() + "); write e.g. \"dateFormat: MMM d, yyyy\"");
                    }
                }
            }
            default -> {
                // a feed needs nothing beyond the common keys
            }
        }
        s.bool("fullText", false);
        s.bool("allowPrivate", false);
        Optional<Duration> min = s.duration("minEvery");
        Optional<Duration> max = s.duration("maxEvery");
        if (min.isPresent() && min.get().compareTo(Duration.ofMinutes(1)) < 0) {
            throw s.error("minEvery", where + ": minEvery must be at least 1m so the server is not hammered");
        }
        if (min.isPresent() && min.get().compareTo(every) > 0) {
            throw s.error("minEvery", where + ": minEvery is longer than every; make it at most every");
        }
        if (max.isPresent() && max.get().compareTo(every) < 0) {
            throw s.error("maxEvery", where + ": maxEvery is shorter than every; make it at least every");
        }
    }
}
