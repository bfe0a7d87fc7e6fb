package dev.collide.config;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a config file's text into its top-level mapping: an alias bomb is refused before anything is composed, and
 * the parser's complaints become advice that names the line to change. {@link YamlMap} reads the values.
 */
final class YamlSyntax {
    /** A config file needs a handful of aliases at most; more is refused as an alias bomb. */
    static final int MAX_ALIASES = 20;

    private YamlSyntax() {
    }

    /** The document's top-level mapping; an empty document is an empty mapping. */
    static MappingNode readMapping(String file, String text) throws ConfigException {
        var settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(5 * 1024 * 1024).build();
        try {
            rejectAliasBomb(file, settings, text);
            var composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                return new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK);
            }
            if (!(root.get() instanceof MappingNode mapping)) {
                throw new ConfigException(file, lineOf(root.get()), "the top level must be a mapping of keys");
            }
            return mapping;
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(file, e);
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    /** The 1-based line where {@code node} starts; 0 when the parser did not say. */
    static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /**
     * Counts aliases before anything is composed: a "billion laughs" document nests a few aliases into billions of
     * nodes, and a config file needs a handful at most. The parser streams events, so this takes time linear in the
     * text whatever the aliases would expand to.
     */
    private static void rejectAliasBomb(String file, LoadSettings settings, String text) throws ConfigException {
        var parser = new ParserImpl(settings, new StreamReader(settings, text));
        int aliases = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event instanceof AliasEvent alias && ++aliases > MAX_ALIASES) {
                int line = alias.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                throw new ConfigException(file, line, "more than " + MAX_ALIASES + " aliases (*"
                        + alias.getAlias().getValue() + "); nested aliases can expand to billions of values (an alias"
                        + " bomb), so Collide refuses them: write the values out instead of using aliases");
            }
        }
    }

    /** Names the line to change: where an unclosed quote or bracket opens, else where the parser stopped. */
    private static ConfigException syntaxError(String file, MarkedYamlEngineException e) {
        int problemLine = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
        int contextLine = e.getContextMark().map(m -> m.getLine() + 1).orElse(problemLine);
        String context = e.getContext() == null ? "" : e.getContext();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (context.contains("quoted scalar")) {
            return new ConfigException(file, contextLine, "not valid YAML: a quoted value opens here and is never"
                    + " closed; close the quote on this line (or remove it)");
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            String bracket = context.contains("sequence") ? "']'" : "'}'";
            return new ConfigException(file, contextLine, "not valid YAML: a "
                    + (bracket.equals("']'") ? "'['" : "'{'") + " list opens here and is never closed; close the bracket"
                    + " with " + bracket + " on this line");
        }
        if (problem.contains("\t(TAB)") || problem.contains("(TAB)")) {
            return new ConfigException(file, problemLine, "not valid YAML: a tab character is used for indentation;"
                    + " YAML allows only spaces: indent with spaces, not tabs");
        }
        if (problem.contains("mapping values are not allowed") || context.contains("block mapping")
                || context.contains("block collection") || problem.contains("expected <block end>")) {
            return new ConfigException(file, problemLine, "not valid YAML: " + problem + "; this line's indentation"
                    + " does not match the lines above: indent it like its siblings (keys of one block start in the"
                    + " same column)");
        }
        return new ConfigException(file, problemLine, "not valid YAML: " + problem
                + "; check the indentation and quoting there");
    }
}
