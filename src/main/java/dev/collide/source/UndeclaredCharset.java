package dev.collide.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses the charset of a document that names none (issue 17 item 9): no BOM, no HTTP charset, no encoding in
 * the XML declaration, and bytes that are not UTF-8, the XML default. Such feeds are real (EUC-JP, KOI8-R, Big5,
 * windows-1255 ... in feedparser's {@code illformed/chardet}); read as UTF-8 their every letter became U+FFFD.
 * ICU4J's statistical detector is the one CommaFeed uses. A document that is valid UTF-8 or declares an encoding is
 * never second-guessed. Thread-safe (a detector per call).
 */
final class UndeclaredCharset {
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*\\bencoding\\s*=");
    /** ICU's confidence is 0-100; below this its guess between similar single-byte charsets is a coin toss. */
    private static final int MIN_CONFIDENCE = 10;

    /** The guessed charset, or empty when the document declares one, is UTF-8, or no guess is good enough. */
    Optional<Charset> detect(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        if (DECLARED.matcher(head).find() || isUtf8(body)) {
            return Optional.empty();
        }
        CharsetMatch match = new CharsetDetector().setText(body).detect();
        if (match == null || match.getConfidence() < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        try {
            Charset charset = Charset.forName(match.getName());
            return charset.name().startsWith("UTF-") ? Optional.empty() : Optional.of(charset);
        } catch (IllegalArgumentException e) {
            // a name the JVM does not know or support
            return Optional.empty();
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
