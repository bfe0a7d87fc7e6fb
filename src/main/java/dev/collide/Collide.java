package dev.collide;

import dev.collide.config.CollideConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.DictionaryExtractor;
import dev.collide.extract.Extractor;
import dev.collide.extract.NearDuplicates;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.notify.AlertRenderer;
import dev.collide.notify.DailyDigest;
import dev.collide.notify.DigestComposer;
import dev.collide.notify.DigestMailer;
import dev.collide.notify.JdbcCitedArticles;
import dev.collide.notify.JdbcDigestLog;
import dev.collide.notify.JdbcOutbox;
import dev.collide.notify.Notifier;
import dev.collide.notify.OutboxDelivery;
import dev.collide.notify.SlackNotifier;
import dev.collide.notify.WebhookNotifier;
import dev.collide.schedule.CollideScheduler;
import dev.collide.schedule.ScheduleException;
import dev.collide.source.Article;
import dev.collide.source.FeedParser;
import dev.collide.source.FullTextSource;
import dev.collide.source.LabDirectory;
import dev.collide.source.Source;
import dev.collide.source.SourceContext;
import dev.collide.source.SourceTypes;
import dev.collide.store.ArchiveReader;
import dev.collide.store.ArchiveShare;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import dev.collide.store.DetectionLock;
import dev.collide.store.EventStore;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.StoreException;
import dev.collide.web.Archive;
import dev.collide.web.ArchiveServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Builds every object of a running Collide from its configuration, in one readable place: the stores, the pipeline,
 * the notifiers and the digest, the archive server ({@link #archiveServer}) and the daemon around them
 * ({@link #daemon}: scheduler jobs, backups, server). The stores come at once; the rest is built on first use, so that
 * a read-only query does not load an HTTP client, the extractor's dictionaries and a JSON mapper it never uses
 * (issue 14: a query in under a second).
 */
public final class Collide implements AutoCloseable {
    private final CollideConfig config;
    private final Database database;
    private final JdbcArticleStore articles;
    private final JdbcSourceStateStore sourceStates;
    private final Memo<EventStore> events;
    private final ArchiveReader archive;
    private final Clock clock;
    private final SourceTypes kinds;
    private final Memo<Pipeline> pipeline;
    private final Memo<JdbcOutbox> outbox;
    private final Memo<List<Notifier>> notifiers;
    private final Memo<OutboxDelivery> delivery;
    private final Memo<DigestComposer> digestComposer;
    private final Memo<Optional<DailyDigest>> dailyDigest;

    private Collide(CollideConfig config, Database database, Clock clock, SourceTypes kinds) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.kinds = kinds;
        this.articles = new JdbcArticleStore(database);
        this.sourceStates = new JdbcSourceStateStore(database.dataSource());
        var notify = config.notifications();
        this.notifiers = new Memo<>(this::buildNotifiers);
        // detection writes one outbox row per channel a notifier delivers: the names come from the notifiers
        this.events = new Memo<>(() -> new JdbcEventStore(database.dataSource(),
                new OutboxPolicy(outboxChannels(), new HashSet<>(notify.watch()))));
        this.archive = new JdbcArchiveReader(database.dataSource());
        this.pipeline = new Memo<>(this::buildPipeline);
        this.outbox = new Memo<>(() -> new JdbcOutbox(database.dataSource()));
        this.delivery = new Memo<>(this::buildDelivery);
        this.digestComposer = new Memo<>(() -> new DigestComposer(archive, sourceStates,
                new JdbcCitedArticles(database.dataSource()), notify.archiveUrl(), config.labs()));
        this.dailyDigest = new Memo<>(() -> notify.email().map(mail -> new DailyDigest(mail, digestComposer.get(),
                new DigestMailer(mail, notify.timeout(), clock), new JdbcDigestLog(database.dataSource()), clock)));
    }

    public static Collide open(CollideConfig config, Clock clock) throws StoreException {
        return open(config, clock, SourceTypes.BUILT_IN);
    }

    /** With the kinds of source {@code config} was loaded with (a test's own kind, say). */
    public static Collide open(CollideConfig config, Clock clock, SourceTypes kinds) throws StoreException {
        kinds.requireKindsOf(config.sources()); // at start, not at the first poll (issue 15)
        return new Collide(config, Database.open(config.database()), clock, kinds);
    }

    private Pipeline buildPipeline() {
        var http = new ConditionalFetcher(config.http(), clock);
        Map<SourceKind, Source> sources = sources(kinds, http, config,
                (sourceId, guid) -> isStored(articles, sourceId, guid), System::getenv);
        Extractor extractor = new DictionaryExtractor(config.labs(), config.conferences());
        // near-duplicate copies of one story share a SimHash fingerprint (title and text)
        ToLongFunction<Article> fingerprint = a -> NearDuplicates.fingerprint(a.title() + "\n" + a.text());
        return new Pipeline(sources, extractor, fingerprint, articles, sourceStates, events.get(), new EventBuilder(),
                new CollisionDetector(config.detection()),
                new DetectionLock(database.dataSource(), database.isPostgres()), clock);
    }

    /**
     * One notifier per configured channel. The outbox channel names are the notifiers' own ({@link Notifier#channel});
     * a channel the config turns on that no notifier delivers is refused when the notifiers are first built (at
     * start for {@code run}), not found later as rows nobody sends.
     */
    private List<Notifier> buildNotifiers() {
        var notify = config.notifications();
        List<Notifier> built = new ArrayList<>();
        notify.slack().ifPresent(s -> built.add(new SlackNotifier(s, notify.timeout(), clock)));
        notify.webhook().ifPresent(w -> built.add(new WebhookNotifier(w, notify.timeout(), clock)));
        var delivered = built.stream().map(Notifier::channel).toList();
        if (!delivered.containsAll(notify.outboxChannels())) {
            throw new IllegalStateException("notify channels " + notify.outboxChannels() + " are configured but"
                    + " only " + delivered + " have a notifier; build the missing one in Collide.buildNotifiers");
        }
        return List.copyOf(built);
    }

    private OutboxDelivery buildDelivery() {
        var notify = config.notifications();
        return new OutboxDelivery(outbox.get(), new AlertRenderer(archive, notify.archiveUrl()), notifiers.get(),
                clock, notify.lease());
    }

    /**
     * The daemon, assembled here: the share for CLI commands beside it; the scheduler with a poll job per enabled
     * source and detection after new articles, outbox delivery when a channel is on, the daily digest when mail is
     * on, backups of an embedded H2 file when they are on; and the archive server unless {@code options} turn it
     * off. Nothing runs until {@link Daemon#start}, except the server, which answers at once. Throws when Quartz
     * refuses the jobs (on PostgreSQL: its tables or the connection); what was built is closed again.
     */
    public Daemon daemon(Daemon.Options options) throws ScheduleException {
        var share = ArchiveShare.start(config.database()); // closed by the daemon, before the database
        CollideScheduler scheduler = null;
        Daemon daemon = null;
        try {
            scheduler = new CollideScheduler(pipeline(), config.sources(), CollideScheduler.properties(database,
                    options.threads(), options.clusterCheckin(), options.nodeId()));
            if (!outboxChannels().isEmpty()) {
                scheduler.deliverOutbox(delivery());
            }
            var mail = config.notifications().email();
            if (dailyDigest().isPresent() && mail.isPresent()) {
                scheduler.sendDigest(dailyDigest().get(), mail.get().at(), mail.get().timezone());
            }
            var backups = config.database().backups();
            if (config.database().isEmbeddedH2File() && backups.enabled()) {
                scheduler.backUp(new Backups(database.dataSource(), config.database().backupDir(), backups, clock));
            }
            daemon = new Daemon(share, scheduler, options.serve()
                    ? Optional.of(archiveServer(config.server().bind(), config.server().port())) : Optional.empty());
            return daemon;
        } finally {
            if (daemon == null) {
                Daemon.abandon(scheduler, share);
            }
        }
    }

    /**
     * The read-only archive over HTTP (page, JSON API, Atom, iCalendar, CSV, metrics), listening on {@code bind}:
     * {@code port} (0: any free port). Throws UncheckedIOException when it cannot listen, naming what to change.
     */
    public ArchiveServer archiveServer(String bind, int port) {
        var view = new Archive(archive, articles, sourceStates, new JdbcArchiveStats(database.dataSource()),
                config.labs());
        try {
            return ArchiveServer.start(bind, port, view, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another --port or set server.port", e);
        }
    }

    /**
     * One source per registered kind, each wrapped for {@code fullText: true}; {@code isKnown(sourceId, guid)} says
     * whether an item is stored already, so only new items' pages are fetched.
     */
    private static Map<SourceKind, Source> sources(SourceTypes kinds, ConditionalFetcher http, CollideConfig config,
                                                   BiPredicate<String, String> isKnown, Function<String, String> env) {
        var context = new SourceContext(http, new FeedParser(), new LabDirectory(config.labs()), env);
        Map<SourceKind, Source> sources = new LinkedHashMap<>();
        kinds.create(context).forEach((kind, source) -> sources.put(kind, new FullTextSource(source, http, isKnown)));
        return sources;
    }

    /** For full text: an unreadable store counts as "stored", so a database outage does not fetch every page. */
    private static boolean isStored(JdbcArticleStore articles, String sourceId, String guid) {
        try {
            return articles.contains(sourceId, guid);
        } catch (StoreException e) {
            return true;
        }
    }

    public CollideConfig config() {
        return config;
    }

    public Pipeline pipeline() {
        return pipeline.get();
    }

    public JdbcArticleStore articles() {
        return articles;
    }

    public JdbcSourceStateStore sourceStates() {
        return sourceStates;
    }

    /** The detection store: the evidence detection reads and the transaction that writes its result. */
    public EventStore events() {
        return events.get();
    }

    /** The archive's queries, for the commands, the archive server and the notifiers. */
    public ArchiveReader archive() {
        return archive;
    }

    public JdbcOutbox outbox() {
        return outbox.get();
    }

    /** Detection over the stored evidence for queries (another window, waves); reads only, so no outbox policy. */
    public OnDemandDetection onDemandDetection() {
        return new OnDemandDetection(new JdbcEventStore(database.dataSource(), OutboxPolicy.NONE), config.detection());
    }

    /** The outbox channels that are on, as their notifiers name them ({@link Notifier#channel}); empty: none. */
    public List<String> outboxChannels() {
        return notifiers.get().stream().map(Notifier::channel).toList();
    }

    /** Sends due outbox rows of the enabled channels (none when no channel is configured). */
    public OutboxDelivery delivery() {
        return delivery.get();
    }

    public DigestComposer digestComposer() {
        return digestComposer.get();
    }

    /** The daily digest job; empty when mail is off (no SMTP host or no recipient configured). */
    public Optional<DailyDigest> dailyDigest() {
        return dailyDigest.get();
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public List<SourceConfig> enabledSources() {
        return config.sources().stream().filter(SourceConfig::enabled).toList();
    }

    @Override
    public void close() {
        pipeline.ifBuilt().ifPresent(Pipeline::close);
        database.close();
    }
}
