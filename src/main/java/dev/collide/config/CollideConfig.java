package dev.collide.config;

import java.util.List;

/** Everything read from config/ and feeds.yml, validated once at start-up. */
public record CollideConfig(DatabaseConfig database, DetectionConfig detection, HttpConfig http,
                            NotifyConfig notifications, ServerConfig server, List<Lab> labs,
                            List<Conference> conferences, List<SourceConfig> sources) {
    public CollideConfig {
        labs = List.copyOf(labs);
        conferences = List.copyOf(conferences);
        sources = List.copyOf(sources);
    }

    public CollideConfig withDatabase(DatabaseConfig newDatabase) {
        return new CollideConfig(newDatabase, detection, http, notifications, server, labs, conferences, sources);
    }

    public CollideConfig withHttp(HttpConfig newHttp) {
        return new CollideConfig(database, detection, newHttp, notifications, server, labs, conferences, sources);
    }

    public CollideConfig withDetection(DetectionConfig newDetection) {
        return new CollideConfig(database, newDetection, http, notifications, server, labs, conferences, sources);
    }

    /** The sources' own {@code proxy:} settings come along (issue #16). */
    public CollideConfig withSources(List<SourceConfig> newSources) {
        return new CollideConfig(database, detection, http.withProxy(http.proxy().withSources(newSources)),
                notifications, server, labs, conferences, newSources);
    }
}
