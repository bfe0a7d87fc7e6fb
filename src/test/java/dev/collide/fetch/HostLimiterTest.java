package dev.collide.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostLimiterTest {
    @Test
    void acquire_upToLimit_usesPermitsOfThatHostOnly() throws InterruptedException {
        var limiter = new HostLimiter(2);

        limiter.acquire("GitHub.com");
        limiter.acquire("github.com");

        assertThat(limiter.available("github.com")).isZero();
        assertThat(limiter.available("huggingface.co")).isEqualTo(2);
    }

    @Test
    void release_returnsPermit() throws InterruptedException {
        var limiter = new HostLimiter(1);
        limiter.acquire("a.example");

        limiter.release("a.example");

        assertThat(limiter.available("a.example")).isEqualTo(1);
    }

    @Test
    void new_zeroPerHost_refused() {
        assertThatThrownBy(() -> new HostLimiter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("http.perHostConcurrency must be at least 1: 0");
    }
}
