package dev.collide.config;

import java.util.List;
import java.util.Set;

/** Where alerts and digests go. {@code watch}: labs whose every new release is reported, not only collisions. */
public record NotifyConfig(List<String> watch) {
    public NotifyConfig {
        watch = List.copyOf(watch);
    }

    public static NotifyConfig defaults() {
        return new NotifyConfig(List.of());
    }

    static NotifyConfig read(YamlMap map) throws ConfigException {
        map.rejectUnknown("notify", Set.of("watch"));
        return new NotifyConfig(map.strings("watch"));
    }
}
