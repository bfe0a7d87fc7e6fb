package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 17 item 12: host names are case-insensitive (RFC 3986 3.2.2), so host case never makes a second story. */
class KeysTest {
    @Test
    void urlKey_hostCaseDiffers_sameKey() {
        assertThat(Keys.urlKey(Optional.of(URI.create("https://Qwen.AI.Example/blog/qwen3"))))
                .isEqualTo(Keys.urlKey(Optional.of(URI.create("https://qwen.ai.example/blog/qwen3"))));
    }

    @Test
    void canonical_upperCaseHostAndScheme_areLowerCased() {
        assertThat(Keys.canonical(URI.create("HTTPS://WWW.DeepSeek.Example:443/News/")))
                .isEqualTo("deepseek.example/News");
    }

    @Test
    void urlKey_pathCaseDiffers_differentKeys() {
        assertThat(Keys.urlKey(Optional.of(URI.create("https://example.com/Blog"))))
                .isNotEqualTo(Keys.urlKey(Optional.of(URI.create("https://example.com/blog"))));
    }
}
