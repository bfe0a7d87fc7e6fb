package dev.collide.source;

import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.XmlReaderException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes to text and clears the prolog. Encoding: a BOM, then the HTTP charset (RFC 7303 3.2: it wins
 * over the XML declaration), then the XML declaration, then UTF-8 when the bytes are UTF-8, else a charset guessed from the
 * bytes ({@link UndeclaredCharset}); bytes that are invalid in that encoding become
 * U+FFFD rather than failing the whole feed. DOCTYPE: one without an internal subset only names a DTD we never
 * load, so it is cut out; one with an internal subset can declare entities (XXE, billion laughs) and is refused.
 */
final class FeedDecoder {
    private static final UndeclaredCharset UNDECLARED = new UndeclaredCharset();
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    /** Text of the document, or a reason it cannot be read. */
    sealed interface Decoded {
        record Text(String xml) implements Decoded {}

        record Refused(String reason) implements Decoded {}
    }

    Decoded decode(byte[] body, Optional<String> contentType) {
        String text;
        try {
            text = read(body, contentType);
        } catch (IOException e) {
            return new Decoded.Refused("cannot decode the document: " + oneLine(e.getMessage()));
        }
        return clearDoctype(text);
    }

    private static String read(byte[] body, Optional<String> contentType) throws IOException {
        Optional<Charset> sniffed = sniff(body);
        if (sniffed.isPresent() && sniffed.get().name().startsWith("UTF-32")) {
            // Rome's XmlReader knows no UTF-32; the bytes say it clearly enough
            return stripBom(new String(body, sniffed.get()));
        }
        Optional<String> httpCharset = contentType.flatMap(FeedDecoder::charsetOf);
        if (httpCharset.isPresent()) {
            try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body),
                    "application/xml; charset=" + httpCharset.get(), false, "UTF-8")) {
                return decodeAs(body, reader.getEncoding());
            } catch (XmlReaderException e) {
                // charset and BOM disagree: fall back to what the bytes themselves say
            }
        }
        Optional<Charset> guessed = sniffed.isPresent() ? Optional.empty() : UNDECLARED.detect(body);
        if (guessed.isPresent()) {
            return new String(body, guessed.get());
        }
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true, "UTF-8")) {
            return decodeAs(body, reader.getEncoding());
        } catch (IOException e) {
            // an encoding name the JVM does not know (bogus declaration): what the first bytes say, else UTF-8
            return stripBom(new String(body, sniffed.orElse(StandardCharsets.UTF_8)));
        }
    }

    /** XML 1.0 appendix F: a BOM, or the bytes of "&lt;?" in a 16- or 32-bit encoding. */
    static Optional<Charset> sniff(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00) || startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<String> charsetOf(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toUpperCase(Locale.ROOT);
        try {
            return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The body in the encoding Rome's {@link XmlReader} chose, decoded in one call (issue 18: draining the reader
     * through a {@code StringWriter} decoded the bytes to chars, copied them char by char into a synchronized buffer
     * and copied them again into the string, about a fifth of the pollers' parse time). Malformed bytes become
     * U+FFFD as they did through the reader, and the BOM the reader would have consumed is skipped the same way.
     */
    private static String decodeAs(byte[] body, String encoding) throws UnsupportedEncodingException {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(encoding);
        }
        int bom = readerBomLength(body);
        return new String(body, bom, body.length - bom, charset);
    }

    /** The bytes Rome's XmlReader takes as a BOM and skips: UTF-16 BE/LE (2) and UTF-8 (3). */
    private static int readerBomLength(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE) ? 2 : 0;
    }

    /**
     * Walks the prolog (XML declaration, processing instructions, comments) up to the root element. Cuts a DOCTYPE
     * without internal subset, refuses one with it, and cuts a misplaced XML declaration (after a comment), which
     * strict parsers refuse although the text was already decoded with it.
     */
    static Decoded clearDoctype(String xml) {
        int i = 0;
        int n = xml.length();
        while (i < n) {
            char c = xml.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (xml.startsWith("<?", i)) {
                int end = xml.indexOf("?>", i + 2);
                if (end < 0) {
                    return new Decoded.Text(xml);
                }
                if (i > 0 && isXmlDeclaration(xml, i)) {
                    xml = xml.substring(0, i) + xml.substring(end + 2);
                    n = xml.length();
                } else {
                    i = end + 2;
                }
            } else if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                if (end < 0) {
                    return new Decoded.Text(xml);
                }
                i = end + 3;
            } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(xml, i + 9);
                if (end < 0) {
                    return new Decoded.Refused("DOCTYPE not allowed: it declares entities (internal subset), which "
                            + "could read local files or expand without bound");
                }
                xml = xml.substring(0, i) + xml.substring(end + 1);
                n = xml.length();
            } else {
                return new Decoded.Text(xml);
            }
        }
        return new Decoded.Text(xml);
    }

    private static boolean isXmlDeclaration(String xml, int at) {
        return xml.startsWith("<?xml", at) && at + 5 < xml.length()
                && (Character.isWhitespace(xml.charAt(at + 5)) || xml.charAt(at + 5) == '?');
    }

    /** Index of the closing '>' of a DOCTYPE without internal subset; -1 when it has one ('[') or never ends. */
    private static int doctypeEnd(String xml, int from) {
        return XmlLimits.unquotedIndexOf(xml, from, '>', '[');
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
