package dev.collide.config;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of source a feeds.yml entry may name. */
public enum SourceKind {
    FEED("feed"),
    HUGGINGFACE("huggingface"),
    GITHUB_RELEASES("github-releases"),
    GITHUB_ORG("github-org"),
    ARXIV("arxiv"),
    HTML("html");

    private final String yamlName;

    SourceKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<SourceKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }
}
