package dev.collide.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML mapping that remembers where each value stood, so every complaint names the file and the line. Values may
 * reference environment variables as {@code ${NAME}} or {@code ${NAME:-default}}; the lookup is injected so tests
 * need no real environment.
 */
public final class YamlMap {
    /** {@code ${NAME}} or, as in POSIX sh, {@code ${NAME:-default}} (the default when NAME is unset or empty). */
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    /** A config file needs a handful of aliases at most; more is refused as an alias bomb. */
    static final int MAX_ALIASES = 20;
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final Function<String, String> env;

    private YamlMap(String file, MappingNode node, Function<String, String> env) throws ConfigException {
        this.file = file;
        this.node = node;
        this.env = env;
        this.entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ConfigException(file, lineOf(tuple.getKeyNode()), "a key must be a plain word");
            }
            if (entries.put(key.getValue(), tuple) != null) {
                throw new ConfigException(file, lineOf(key), "key '" + key.getValue()
                        + "' appears twice in the same block; keep one");
            }
        }
    }

    /** Parses a whole document whose top level must be a mapping; an empty document is an empty mapping. */
    public static YamlMap parse(String file, String text, Function<String, String> env) throws ConfigException {
        var settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(5 * 1024 * 1024).build();
        try {
            rejectAliasBomb(file, settings, text);
            var composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                return new YamlMap(file, new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(),
                        org.snakeyaml.engine.v2.common.FlowStyle.BLOCK), env);
            }
            if (!(root.get() instanceof MappingNode mapping)) {
                throw new ConfigException(file, lineOf(root.get()), "the top level must be a mapping of keys");
            }
            return new YamlMap(file, mapping, env);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(file, e);
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, "not valid YAML: " + e.getMessage());
        }
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
            return new ConfigException(file, contextLine, "not valid YAML: a quoted value opens here and is never closed; close the"
                    + " quote on this line (or remove it)");
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            String bracket = context.contains("sequence") ? "']'" : "'}'";
            return new ConfigException(file, contextLine, "not valid YAML: a " + (bracket.equals("']'") ? "'['" : "'{'")
                    + " list opens here and is never closed; close the bracket with " + bracket + " on this line");
        }
        if (problem.contains("\t(TAB)") || problem.contains("(TAB)")) {
            return new ConfigException(file, problemLine, "not valid YAML: a tab character is used for indentation; YAML allows only"
                    + " spaces: indent with spaces, not tabs");
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

    public String file() {
        return file;
    }

    public int line() {
        return lineOf(node);
    }

    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : lineOf(tuple.getKeyNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public ConfigException error(String key, String problem) {
        return new ConfigException(file, lineOf(key), problem);
    }

    /** Fails on the first key not in {@code allowed}, listing what is allowed. */
    public void rejectUnknown(String where, Set<String> allowed) throws ConfigException {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key '" + key + "' in " + where + KeySuggestion.didYouMean(key, allowed)
                        + "; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    public Optional<String> string(String key) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            throw error(key, "'" + key + "' must be a single value, not a list or a block");
        }
        String raw = scalar.getValue();
        if (raw.isEmpty() || "~".equals(raw) || "null".equals(raw)) {
            return Optional.empty();
        }
        return Optional.of(substituteEnv(key, raw));
    }

    public String requiredString(String key, String hint) throws ConfigException {
        return string(key).orElseThrow(() -> new ConfigException(file, line(), "missing '" + key + "'; " + hint));
    }

    /**
     * A secret must be a reference to an environment variable. Empty when the key is absent or the variable is unset
     * and {@code required} is false.
     */
    public Optional<Secret> secret(String key, boolean required) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            throw error(key, "'" + key + "' must be a single value like ${SOME_ENV_VAR}");
        }
        Matcher m = ENV_REF.matcher(scalar.getValue().trim());
        if (!m.matches() || m.group(2) != null) {
            throw error(key, "'" + key + "' is a secret and must not be written in a file; put it in an environment"
                    + " variable and write '" + key + ": ${SOME_ENV_VAR}'");
        }
        String value = env.apply(m.group(1));
        if (value == null || value.isBlank()) {
            if (required) {
                throw error(key, "environment variable " + m.group(1) + " (for '" + key + "') is not set; export it"
                        + " or remove '" + key + "'");
            }
            return Optional.empty();
        }
        return Optional.of(new Secret(m.group(1), value));
    }

    public boolean bool(String key, boolean fallback) throws ConfigException {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "'" + key + "' must be true or false, not '" + value.get() + "'");
        };
    }

    public long number(String key, long fallback, long min, long max) throws ConfigException {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get().replace("_", ""));
            if (n < min || n > max) {
                throw error(key, "'" + key + "' must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a whole number, not '" + value.get() + "'");
        }
    }

    public double decimal(String key, double fallback, double min, double max) throws ConfigException {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(value.get());
            if (!(n >= min && n <= max)) {
                throw error(key, "'" + key + "' must be between " + min + " and " + max + ", not " + value.get());
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a number, not '" + value.get() + "'");
        }
    }

    public Optional<Duration> duration(String key) throws ConfigException {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseDuration(value.get()));
        } catch (IllegalArgumentException e) {
            throw error(key, "'" + key + "' is not a duration: '" + value.get()
                    + "'; write a number and a unit, e.g. 90s, 30m, 6h, 7d");
        }
    }

    /** "30m", "7d", "1h30m", "500ms". */
    public static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = DURATION_PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("bad duration " + text);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> throw new IllegalArgumentException(text);
            });
            end = m.end();
        }
        if (end == 0 || end != s.length() || total.isZero()) {
            throw new IllegalArgumentException("bad duration " + text);
        }
        return total;
    }

    public Optional<YamlMap> map(String key) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            throw error(key, "'" + key + "' must be a block of keys");
        }
        return Optional.of(new YamlMap(file, mapping, env));
    }

    /** A list of mappings, e.g. the sources. */
    public List<YamlMap> maps(String key) throws ConfigException {
        List<YamlMap> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof MappingNode mapping)) {
                throw new ConfigException(file, lineOf(item), "each entry of '" + key + "' must be a block of keys"
                        + " starting with '- '");
            }
            result.add(new YamlMap(file, mapping, env));
        }
        return result;
    }

    /** A list of plain values; a single value is taken as a list of one. */
    public List<String> strings(String key) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple != null && tuple.getValueNode() instanceof ScalarNode) {
            return string(key).map(List::of).orElse(List.of());
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException(file, lineOf(item), "each entry of '" + key + "' must be a single value");
            }
            result.add(substituteEnv(key, scalar.getValue()));
        }
        return result;
    }

    private List<Node> sequence(String key) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
            throw error(key, "'" + key + "' must be a list (lines starting with '- ')");
        }
        return seq.getValue();
    }

    private String substituteEnv(String key, String raw) throws ConfigException {
        Matcher m = ENV_REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (m.group(2) != null && (value == null || value.isEmpty())) {
                value = m.group(2);
            }
            if (value == null) {
                throw error(key, "environment variable " + m.group(1) + " (used in '" + key + "') is not set; export"
                        + " it or change '" + key + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getValue().isEmpty() || "~".equals(s.getValue())
                || "null".equals(s.getValue()));
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
