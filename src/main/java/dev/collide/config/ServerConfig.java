package dev.collide.config;

import java.util.Set;

/** The archive's HTTP server: loopback by default, read-only. */
public record ServerConfig(boolean enabled, String bind, int port) {
    public static ServerConfig defaults() {
        return new ServerConfig(true, "127.0.0.1", 8080);
    }

    static ServerConfig read(YamlMap map) throws ConfigException {
        map.rejectUnknown("server", Set.of("enabled", "bind", "port"));
        var d = defaults();
        return new ServerConfig(map.bool("enabled", d.enabled()), map.string("bind").orElse(d.bind()),
                (int) map.number("port", d.port(), 0, 65535));
    }
}
