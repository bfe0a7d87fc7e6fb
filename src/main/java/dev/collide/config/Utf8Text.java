package dev.collide.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a config file strictly as UTF-8; a bad byte is reported at its line, never replaced silently. */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(String file, byte[] bytes) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(file, line, String.format("byte 0x%02X is not UTF-8 (the file looks like Latin-1"
                    + " or Windows-1252); save the file as UTF-8", bytes[offset] & 0xFF));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new ConfigException(file, 0, "cannot be decoded; save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
