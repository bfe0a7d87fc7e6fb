package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds in a legacy charset that they do not declare (feedparser's illformed/chardet, read from shared/ at test
 * time): the charset is detected (issue 17 item 9) instead of every byte becoming U+FFFD. tis620 and windows1255
 * are not yet detected well and are left out (see the issue note).
 */
class UndeclaredCharsetTest {
    static final Path DIR = Path.of("../shared/corpus/feedparser/illformed/chardet");

    @ParameterizedTest
    @ValueSource(strings = {"big5", "eucjp", "euckr", "gb2312", "koi8r", "shiftjis"})
    void undeclaredLegacyCharset_isDetected_noReplacementCharacters(String name) throws IOException {
        Path file = DIR.resolve(name + ".xml");
        if (!Files.isReadable(file)) {
            dev.collide.RequiredService.missing(file.toAbsolutePath() + " not found (a checkout beside shared/ has it)");
        }
        byte[] body = Files.readAllBytes(file);
        assertThat(new String(body, Charset.forName("UTF-8"))).as("the file is not UTF-8").contains("\uFFFD");

        FeedDecoder.Decoded decoded = new FeedDecoder().decode(body, Optional.of("application/xml"));

        assertThat(decoded).isInstanceOf(FeedDecoder.Decoded.Text.class);
        assertThat(((FeedDecoder.Decoded.Text) decoded).xml()).doesNotContain("\uFFFD");
    }
}
