package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.fetch.Validators;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceHealthTest {
    /** An error stored before issue 17 item 8 may hold a feed's escape sequence; it is shown clean all the same. */
    @Test
    void new_lastErrorWithControlCharacters_isOneCleanLine() {
        var health = new SourceHealth("lab-blog", Validators.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), "failed", Optional.of("source lab-blog: bad date '\u001b[2J2025\u202e'\nsee log"),
                3, Optional.empty(), 3, 0, 0);

        assertThat(health.lastError()).contains("source lab-blog: bad date '[2J2025' see log");
    }
}
