package dev.collide.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@code sources:} of a feeds file: the keys every kind shares are checked here, each kind's own keys by
 * its {@link SourceSchema} (issue 5: a typo is a line number, not a failed poll; issue 15: a kind brings its keys and
 * checks with it). Every problem is a {@link ConfigException} naming the file and line.
 */
final class SourcesReader {
    private static final Set<String> COMMON_KEYS = Set.of("id", "kind", "url", "every", "enabled", "lab",
            "fullText", "allowPrivate", "token", "name", "minEvery", "maxEvery", "proxy");
    /** Keys kept out of {@link SourceConfig#params}: they have fields of their own (token becomes tokenEnv). */
    private static final Set<String> OWN_FIELDS = Set.of("id", "kind", "url", "every", "enabled", "lab", "token");

    private final Map<String, SourceSchema> kinds = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>(COMMON_KEYS);

    SourcesReader(List<? extends SourceSchema> kinds) {
        for (SourceSchema kind : kinds) {
            if (this.kinds.putIfAbsent(kind.kind().yamlName(), kind) != null) {
                throw new IllegalArgumentException("source kind '" + kind.kind().yamlName() + "' is registered twice");
            }
            keys.addAll(kind.keys());
        }
    }

    List<SourceConfig> read(YamlMap root, List<Lab> labs, List<String> warnings) throws ConfigException {
        root.rejectUnknown(root.file(), Set.of("sources", "defaults"));
        Set<String> labIds = labs.stream().map(Lab::id).collect(Collectors.toSet());
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> proxyOrigins = new HashMap<>();
        List<SourceConfig> sources = new ArrayList<>();
        for (YamlMap s : root.maps("sources")) {
            s.rejectUnknown("a source", keys);
            String id = s.requiredString("id", "give every source an id such as 'hf-blog'");
            if (!SourceConfig.ID_PATTERN.matcher(id).matches()) {
                throw s.error("id", "source id '" + id + "' must use only a-z, 0-9 and '-'");
            }
            Integer earlier = seen.putIfAbsent(id, s.lineOf("id"));
            if (earlier != null) {
                throw s.error("id", "source id '" + id + "' is already used at line " + earlier + "; ids must be"
                        + " unique");
            }
            String kindName = s.string("kind").orElse("feed");
            SourceSchema kind = kinds.get(kindName);
            if (kind == null) {
                throw s.error("kind", "source '" + id + "' has unknown kind '" + kindName + "'; use one of "
                        + String.join(", ", kinds.keySet()));
            }
            Optional<String> lab = s.string("lab");
            if (lab.isPresent() && !labIds.contains(lab.get())) {
                throw s.error("lab", "source '" + id + "' names lab '" + lab.get() + "', which config/labs.yml does"
                        + " not define");
            }
            Duration every = s.duration("every").orElse(Duration.ofMinutes(30));
            if (every.compareTo(Duration.ofMinutes(1)) < 0) {
                throw s.error("every", "source '" + id + "' refreshes every " + every.toSeconds() + "s; use at"
                        + " least 1m so the server is not hammered");
            }
            String where = "source '" + id + "' (kind " + kindName + ")";
            SourceParams settings = kind.read(s, where);
            checkCommon(s, where, every);
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : s.keys()) {
                if (!OWN_FIELDS.contains(key)) {
                    params.put(key, s.string(key).orElse(""));
                }
            }
            s.secret("token", false).ifPresent(t -> params.put("tokenEnv", t.envName()));
            URI url = readUrl(s, id, kind);
            checkProxy(s, id, url, proxyOrigins);
            sources.add(new SourceConfig(id, kind.kind(), url, every, s.bool("enabled", true), lab, params,
                    settings, s.line()));
        }
        if (sources.isEmpty()) {
            warnings.add(root.file() + ": no sources defined, so nothing will be fetched; add a 'sources:' list"
                    + " (see feeds.yml in the Collide distribution)");
        }
        return sources;
    }

    private static void checkCommon(YamlMap s, String where, Duration every) throws ConfigException {
        s.bool("fullText", false);
        s.bool("allowPrivate", false);
        Optional<Duration> min = s.duration("minEvery");
        Optional<Duration> max = s.duration("maxEvery");
        if (min.isPresent() && min.get().compareTo(Duration.ofMinutes(1)) < 0) {
            throw s.error("minEvery", where + ": minEvery must be at least 1m so the server is not hammered");
        }
        if (min.isPresent() && min.get().compareTo(every) > 0) {
            throw s.error("minEvery", where + ": minEvery is longer than every; make it at most every");
        }
        if (max.isPresent() && max.get().compareTo(every) < 0) {
            throw s.error("maxEvery", where + ": maxEvery is shorter than every; make it at least every");
        }
    }

    /**
     * A source's {@code proxy:} serves every request to its url's scheme, host and port, so two sources there must
     * agree; {@code proxyOrigins} maps each origin seen so far to "value|id|line".
     */
    private static void checkProxy(YamlMap s, String id, URI url, Map<String, String> proxyOrigins)
            throws ConfigException {
        Optional<String> proxy = s.string("proxy");
        if (proxy.isEmpty()) {
            return;
        }
        if (url.getHost() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw s.error("proxy", "source '" + id + "' has proxy: but no http(s) url it could apply to; add"
                    + " \"url: https://...\" or set http.proxy / NO_PROXY for it");
        }
        try {
            ProxyConfig.sourceProxy(proxy.get(), id, ProxyConfig.DIRECT);
        } catch (IllegalArgumentException e) {
            throw s.error("proxy", "source '" + id + "': " + e.getMessage() + ", or \"proxy: none\" to go direct");
        }
        String origin = ProxyConfig.originOf(url);
        String value = proxy.get().strip().toLowerCase(Locale.ROOT);
        String earlier = proxyOrigins.putIfAbsent(origin, value + "|" + id + "|" + s.lineOf("proxy"));
        if (earlier != null && !earlier.startsWith(value + "|")) {
            String[] parts = earlier.split("\\|");
            throw s.error("proxy", "source '" + id + "' sets proxy '" + proxy.get().strip() + "' for " + origin
                    + " but source '" + parts[1] + "' (line " + parts[2] + ") sets '" + parts[0] + "'; a proxy applies"
                    + " to every request to that host, so give both the same value");
        }
    }

    private static URI readUrl(YamlMap s, String id, SourceSchema kind) throws ConfigException {
        Optional<String> raw = s.string("url");
        if (raw.isEmpty()) {
            if (!kind.needsUrl()) {
                return URI.create("default:" + kind.kind().yamlName());
            }
            throw s.error("url", "source '" + id + "' has no url; add \"url: https://...\"");
        }
        if (raw.get().trim().matches("(?i)[a-z][a-z0-9+.-]*://")) {
            throw s.error("url", "source '" + id + "' url '" + raw.get() + "' has no host; write the whole address,"
                    + " e.g. https://example.com/feed.xml");
        }
        try {
            URI uri = new URI(raw.get().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https", "file").contains(scheme)) {
                throw s.error("url", "source '" + id + "' url '" + raw.get() + "' must start with http://, https:// or"
                        + " file:");
            }
            if (!"file".equals(scheme) && (uri.getHost() == null || uri.getHost().isBlank())) {
                throw s.error("url", "source '" + id + "' url '" + raw.get() + "' has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw s.error("url", "source '" + id + "' url is not a valid URL (" + e.getReason() + "): '" + raw.get()
                    + "'");
        }
    }
}
