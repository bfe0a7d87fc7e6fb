package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceKindChecksTest {
    private static final String LABS = """
            labs:
              - id: moonshot
                name: Moonshot AI
                hubOrgs: [moonshotai]
            """;

    @TempDir
    Path dir;

    private CollideConfig load(String feeds) throws Exception {
        Files.writeString(dir.resolve("labs.yml"), LABS);
        Files.writeString(dir.resolve("feeds.yml"), feeds);
        return new ConfigLoader(Map.of("HF_TOKEN", "hf_x")::get).withKinds(SourceTypes.BUILT_IN.all()).load(dir, dir.resolve("feeds.yml"));
    }

    @Test
    void load_huggingfaceWithToken_keepsOrgAndTokenEnvName() throws Exception {
        CollideConfig config = load("""
                sources:
                  - id: hf-moonshotai
                    kind: huggingface
                    org: moonshotai
                    token: ${HF_TOKEN}
                    pages: 2
                """);

        SourceConfig s = config.sources().get(0);
        assertThat(s.url().toString()).isEqualTo("default:huggingface");
        assertThat(s.params()).containsEntry("org", "moonshotai").containsEntry("tokenEnv", "HF_TOKEN")
                .containsEntry("pages", "2").doesNotContainValue("hf_x");
    }

    @Test
    void load_huggingfaceWithoutOrg_saysWhatToWrite() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: hf-x
                    kind: huggingface
                """)).hasMessageContaining("feeds.yml").hasMessageContaining("line 2")
                .hasMessageContaining("missing 'org'; source 'hf-x' (kind huggingface) needs the Hub organisation;"
                        + " add \"org: deepseek-ai\"");
    }

    @Test
    void load_githubRepoWithoutOwner_isRejected() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: gh-x
                    kind: github-releases
                    repo: Qwen3
                """)).hasMessageContaining("line 4").hasMessageContaining("source 'gh-x' (kind github-releases):"
                + " repo 'Qwen3' must be OWNER/NAME, e.g. \"repo: deepseek-ai/DeepSeek-V3\"");
    }

    @Test
    void load_htmlWithoutTitleSelector_isRejected() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: page
                    kind: html
                    url: https://example.com/news
                    item: li
                """)).hasMessageContaining("missing 'title'; source 'page' (kind html) needs a CSS selector for the"
                + " title inside an item");
    }

    @Test
    void load_htmlBadDateFormat_isRejected() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: page
                    kind: html
                    url: https://example.com/news
                    item: li
                    title: a
                    dateFormat: yyyy-MM-dd {
                """)).hasMessageContaining("line 7").hasMessageContaining("dateFormat 'yyyy-MM-dd {' is not a Java"
                + " date pattern");
    }

    @Test
    void load_arxivWithoutQuery_isRejected() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: arxiv-x
                    kind: arxiv
                """)).hasMessageContaining("missing 'query'; source 'arxiv-x' (kind arxiv) needs a search query");
    }

    @Test
    void load_minEveryAboveEvery_isRejected() {
        assertThatThrownBy(() -> load("""
                sources:
                  - id: a
                    url: https://example.com/feed
                    every: 30m
                    minEvery: 1h
                """)).hasMessageContaining("line 5").hasMessageContaining("minEvery is longer than every");
    }
}
