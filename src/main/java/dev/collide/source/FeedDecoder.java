package dev.collide.source;

import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.XmlReaderException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes to text and clears the prolog. Encoding: a BOM, then the HTTP charset (RFC 7303 3.2: it wins
 * over the XML declaration), then the XML declaration, then UTF-8; bytes that are invalid in that encoding become
 * U+FFFD rather than failing the whole feed. DOCTYPE: one without an internal subset only names a DTD we never
 * load, so it is cut out; one with an internal subset can declare entities (XXE, billion laughs) and is refused.
 */
final class FeedDecoder {
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
        Optional<String> httpCharset = contentType.flatMap(FeedDecoder::charsetOf);
        if (httpCharset.isPresent()) {
            try (Reader reader = new XmlReader(new ByteArrayInputStream(body),
                    "application/xml; charset=" + httpCharset.get(), false, "UTF-8")) {
                return drain(reader);
            } catch (XmlReaderException e) {
                // charset and BOM disagree: fall back to what the bytes themselves say
            }
        }
        try (Reader reader = new XmlReader(new ByteArrayInputStream(body), true, "UTF-8")) {
            return drain(reader);
        } catch (IOException e) {
            // an encoding name the JVM does not know (bogus declaration): UTF-8 with replacement is the best guess
            return new String(body, StandardCharsets.UTF_8);
        }
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

    private static String drain(Reader reader) throws IOException {
        var out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    /** Finds a DOCTYPE before the root element, skipping the XML declaration, processing instructions and comments. */
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
                i = end + 2;
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
                return new Decoded.Text(xml.substring(0, i) + xml.substring(end + 1));
            } else {
                return new Decoded.Text(xml);
            }
        }
        return new Decoded.Text(xml);
    }

    /** Index of the closing '>' of a DOCTYPE without internal subset; -1 when it has one ('[') or never ends. */
    private static int doctypeEnd(String xml, int from) {
        char quote = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return -1;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
