package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The body decoded in one call (issue 18) keeps what draining Rome's XmlReader gave: BOM skipped, U+FFFD. */
class FeedDecoderTest {
    private static final String XML = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>é</title>"
            + "</channel></rss>";

    @Test
    void decode_utf8BomAndHttpCharset_bomSkipped() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, XML.getBytes(StandardCharsets.UTF_8));

        var decoded = new FeedDecoder().decode(body, Optional.of("application/rss+xml; charset=utf-8"));

        assertThat(decoded).isEqualTo(new FeedDecoder.Decoded.Text(XML));
    }

    @Test
    void decode_invalidUtf8ByteAndHttpCharset_becomesReplacementCharacter() {
        byte[] body = concat("<rss><channel><title>a".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "b</title></channel></rss>".getBytes(StandardCharsets.UTF_8));

        var decoded = new FeedDecoder().decode(body, Optional.of("text/xml; charset=UTF-8"));

        assertThat(decoded)
                .isEqualTo(new FeedDecoder.Decoded.Text("<rss><channel><title>a\uFFFDb</title></channel></rss>"));
    }

    @Test
    void decode_utf16LeBomWithoutHttpCharset_decodedFromTheBom() {
        byte[] body = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, XML.getBytes(StandardCharsets.UTF_16LE));

        var decoded = new FeedDecoder().decode(body, Optional.empty());

        assertThat(decoded).isEqualTo(new FeedDecoder.Decoded.Text(XML));
    }

    @Test
    void decode_latin1DeclaredInTheProlog_decodedAsDeclared() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>é</title></channel></rss>";

        var decoded = new FeedDecoder().decode(xml.getBytes(StandardCharsets.ISO_8859_1), Optional.of("text/xml"));

        assertThat(decoded).isEqualTo(new FeedDecoder.Decoded.Text(xml));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
