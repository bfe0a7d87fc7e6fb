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

    @Test
    void urlHash_sameHost_sharesTheHostBits_otherHostUsuallyNot() {
        long a = Keys.urlKey(Optional.of(URI.create("https://blog.example/qwen3"))).orElseThrow().hash();
        long b = Keys.urlKey(Optional.of(URI.create("https://WWW.Blog.Example/qwen3-coder"))).orElseThrow().hash();
        long other = Keys.urlKey(Optional.of(URI.create("https://news.example/qwen3"))).orElseThrow().hash();
        int shift = 64 - Keys.HOST_BITS;

        assertThat(a >>> shift).isEqualTo(b >>> shift);
        assertThat(a).isNotEqualTo(b);
        assertThat(other >>> shift).isNotEqualTo(a >>> shift);
    }

    @Test
    void urlHash_isTheHostsFnvThenTheKeysFirst44Bits() {
        // FNV-1a 64 of "" is its offset basis; the key's first 11 hex digits are the low bits
        String key = "0123456789a" + "0".repeat(53);
        assertThat(Keys.urlHash("", key)).isEqualTo((0xcbf29ce484222325L >>> 44) << 44 | 0x0123456789aL);
        assertThat(Keys.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL); // the published test vector
    }
}
