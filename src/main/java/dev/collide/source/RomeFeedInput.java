package dev.collide.source;

import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;

/**
 * Rome's own hardened SAX set-up, reached so that the document can be built (and its root checked) before Rome
 * picks a parser. Rome 2.1 {@code WireFeedInput.createSAXBuilder()} turns off external general and parameter
 * entities and external DTD loading, sets an entity resolver that answers every lookup with an empty document,
 * and, with {@code allowDoctypes} false (its default, kept here), sets {@code disallow-doctype-decl}.
 */
final class RomeFeedInput extends WireFeedInput {
    /**
     * Built once per instance: setting up a hardened SAX builder costs about as much as parsing an 18 KB feed. A
     * SAXBuilder is not thread-safe, so neither is this class; FeedParser keeps one per thread.
     */
    private final SAXBuilder builder;

    RomeFeedInput() {
        super(false, java.util.Locale.ROOT);
        setAllowDoctypes(false);
        builder = createSAXBuilder();
    }

    /**
     * Parses XML with the hardened builder. Rome's own XmlFixerReader is not used: it rewrites "&amp;amp;" inside
     * CDATA sections too; {@link XmlRepair} does that job outside them.
     */
    Document parseXml(String xml) throws JDOMException, IOException {
        return builder.build(new StringReader(xml));
    }
}
