package dev.collide;

import dev.collide.config.CollideConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extractor;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.source.Article;
import dev.collide.source.Source;
import dev.collide.store.Database;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Builds every object of a running Collide from its configuration, in one readable place. */
public final class Collide implements AutoCloseable {
    private final CollideConfig config;
    private final Database database;
    private final JdbcArticleStore articles;
    private final JdbcSourceStateStore sourceStates;
    private final JdbcEventStore events;
    private final Pipeline pipeline;

    private Collide(CollideConfig config, Database database, JdbcArticleStore articles,
                    JdbcSourceStateStore sourceStates, JdbcEventStore events, Pipeline pipeline) {
        this.config = config;
        this.database = database;
        this.articles = articles;
        this.sourceStates = sourceStates;
        this.events = events;
        this.pipeline = pipeline;
    }

    public static Collide open(CollideConfig config, Clock clock) throws StoreException {
        Database database = Database.open(config.database());
        var http = new ConditionalFetcher(config.http(), clock);
        Map<SourceKind, Source> sources = new EnumMap<>(SourceKind.class);
        Wiring.addSources(sources, http, config, clock);
        Extractor extractor = Wiring.extractor(config);
        ToLongFunction<Article> fingerprint = Wiring.fingerprint();
        var articles = new JdbcArticleStore(database.dataSource());
        var sourceStates = new JdbcSourceStateStore(database.dataSource());
        var outbox = new OutboxPolicy(List.of(), new HashSet<>(config.notifications().watch()));
        var events = new JdbcEventStore(database.dataSource(), outbox);
        var pipeline = new Pipeline(sources, extractor, fingerprint, articles, sourceStates, events,
                new EventBuilder(), new CollisionDetector(config.detection()), clock);
        return new Collide(config, database, articles, sourceStates, events, pipeline);
    }

    public CollideConfig config() {
        return config;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public JdbcArticleStore articles() {
        return articles;
    }

    public JdbcSourceStateStore sourceStates() {
        return sourceStates;
    }

    public JdbcEventStore events() {
        return events;
    }

    public Database database() {
        return database;
    }

    public List<SourceConfig> enabledSources() {
        return config.sources().stream().filter(SourceConfig::enabled).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
