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
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping that remembers where each value stood, so every complaint names the file and the line. Values may
 * reference environment variables as {@code ${NAME}} or {@code ${NAME:-default}} ({@link EnvReferences}); the lookup
 * is injected so tests need no real environment. The text is read by {@link YamlSyntax}.
 */
public final class YamlMap {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final EnvReferences env;

    private YamlMap(String file, MappingNode node, EnvReferences env) throws ConfigException {
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
        return new YamlMap(file, YamlSyntax.readMapping(file, text), new EnvReferences(env));
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
        return Optional.of(env.expand(this, key, raw));
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
        return env.secret(this, key, scalar.getValue(), required);
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
        List<String> result = new ArrayList<>();
        for (Item item : items(key)) {
            result.add(item.value());
        }
        return result;
    }

    /** One plain value of a list and the line it stands on, so that a complaint about it names that line. */
    public record Item(String value, int line) {
    }

    /** {@link #strings}, each value with its line. */
    public List<Item> items(String key) throws ConfigException {
        NodeTuple tuple = entries.get(key);
        if (tuple != null && tuple.getValueNode() instanceof ScalarNode scalar) {
            return string(key).map(v -> List.of(new Item(v, lineOf(scalar)))).orElse(List.of());
        }
        List<Item> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException(file, lineOf(item), "each entry of '" + key + "' must be a single value");
            }
            result.add(new Item(env.expand(this, key, scalar.getValue()), lineOf(item)));
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

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getValue().isEmpty() || "~".equals(s.getValue())
                || "null".equals(s.getValue()));
    }

    private static int lineOf(Node node) {
        return YamlSyntax.lineOf(node);
    }
}
