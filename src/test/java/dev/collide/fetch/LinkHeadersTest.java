package dev.collide.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeadersTest {
    private static final URI BASE = URI.create("https://huggingface.co/api/models?author=x");

    @Test
    void next_relativeNextAmongOthers_resolvesAgainstBase() {
        var next = LinkHeaders.next(BASE, List.of("</api/models?author=x&cursor=abc>; rel=\"next\", "
                + "<https://huggingface.co/api/models?author=x>; rel=\"first\""));

        assertThat(next).contains(URI.create("https://huggingface.co/api/models?author=x&cursor=abc"));
    }

    @Test
    void next_onlyPrevLink_isEmpty() {
        assertThat(LinkHeaders.next(BASE, List.of("<https://huggingface.co/p1>; rel=\"prev\""))).isEmpty();
    }

    @Test
    void next_javascriptTarget_isEmpty() {
        assertThat(LinkHeaders.next(BASE, List.of("<javascript:alert(1)>; rel=next"))).isEmpty();
    }

    @Test
    void rateLimitReset_hubHeader_readsT() {
        assertThat(LinkHeaders.rateLimitReset("\"api\";r=0;t=137")).contains(Duration.ofSeconds(137));
    }

    @Test
    void rateLimitReset_noT_isEmpty() {
        assertThat(LinkHeaders.rateLimitReset("\"api\";r=5")).isEmpty();
    }
}
