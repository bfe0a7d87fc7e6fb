package dev.collide.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Makes relative links absolute before Rome sees them, following xml:base (XML Base, W3C 2009 section 4.2: each
 * xml:base is itself resolved against its parent's base, the document URL at the top). Rome's own resolver joins
 * strings and treats any URI without "//" as relative (so "javascript:x" would become "http://host/javascript:x");
 * this one uses {@link URI#resolve} and leaves absolute and unparseable values alone for the link filter to judge.
 */
final class XmlBaseResolver {
    void resolve(Document document, Optional<URI> documentUrl) {
        // iterative walk: a hostile document may nest deeper than the stack allows
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Optional<URI>> bases = new ArrayDeque<>();
        elements.push(document.getRootElement());
        bases.push(documentUrl);
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            Optional<URI> base = baseOf(element, bases.pop());
            if (base.isPresent() && element.getName().equals("link")) {
                Attribute href = element.getAttribute("href");
                if (href != null) {
                    href.setValue(absolute(href.getValue(), base.get()));
                } else if (element.getChildren().isEmpty()) {
                    element.setText(absolute(element.getText(), base.get()));
                }
            }
            for (Element child : element.getChildren()) {
                elements.push(child);
                bases.push(base);
            }
        }
    }

    private static Optional<URI> baseOf(Element element, Optional<URI> parentBase) {
        String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
        if (xmlBase == null || xmlBase.isBlank()) {
            return parentBase;
        }
        try {
            URI declared = new URI(xmlBase.strip());
            return Optional.of(parentBase.map(p -> p.resolve(declared)).orElse(declared))
                    .filter(URI::isAbsolute)
                    .or(() -> parentBase);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return parentBase;
        }
    }

    private static String absolute(String value, URI base) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(trimmed);
            return uri.isAbsolute() ? value : base.resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return value;
        }
    }
}
