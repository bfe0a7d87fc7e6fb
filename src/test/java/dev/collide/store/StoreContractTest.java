package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.fetch.Validators;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the JDBC stores promise on every database the archive runs on: each subclass opens its database and runs
 * every test here on it, so H2 and PostgreSQL are held to the same checks.
 */
abstract class StoreContractTest {
    static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    Database db;
    JdbcArticleStore articles;
    JdbcEventStore events;
    JdbcArchiveReader reader;

    /** Makes a fresh, empty database for one test and returns its config; the stores migrate it on open. */
    abstract DatabaseConfig newDatabase() throws Exception;

    /** Removes what {@link #newDatabase()} made; runs after the pool is closed, and also when opening failed. */
    void dropDatabase() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(newDatabase());
        articles = new JdbcArticleStore(db);
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of("deepseek")));
        reader = new JdbcArchiveReader(db.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        // db is null when newDatabase() aborted the test (no PostgreSQL) or the migrations failed
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    static Article article(String source, String guid, String url) {
        return new Article(source, guid, Optional.of(URI.create(url)), "title " + guid, "text", Optional.of(NOW),
                ArticleKind.NEWS, Optional.empty(), List.of());
    }

    static Extraction release(String lab, String family, LocalDate day) {
        return new Extraction(List.of(new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9,
                family + " was released")), List.of());
    }

    DetectionChanges detect(Instant at) throws Exception {
        List<ReleaseEvent> built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        return events.saveDetection(built, collisions, at);
    }

    @Test
    void rereadAll_replacesEachArticlesEvidenceWithTheExtractorsAndMarksItNew() throws Exception {
        var labPost = new Article("acme-blog", "p1", Optional.of(URI.create("https://acme.example/p1")), "Acme 9",
                "We release Acme 9.", Optional.of(NOW), ArticleKind.LAB_POST, Optional.of("acme"), List.of("news"));
        articles.save(labPost, 11, release("acme", "acme-8", LocalDate.of(2031, 3, 1)), NOW);
        articles.save(article("wire", "w1", "https://wire.example/w1"), 12, Extraction.EMPTY, NOW);
        detect(NOW);
        assertThat(events.undetectedFamilies()).isEmpty();
        List<Article> seen = new java.util.ArrayList<>();

        RereadReport report = articles.rereadAll(a -> {
            seen.add(a);
            return a.guid().equals("p1") ? new Extraction(List.of(new Mention("acme", "acme-9", "Acme 9", "acme-9",
                    true, ReleaseDate.ofDay(LocalDate.of(2031, 3, 2)), 0.9, "We release Acme 9.")), List.of(
                    new CoRelease("acme", "acme-9", "zeta", "zeta-2", 0, "the same day"))) : Extraction.EMPTY;
        });

        assertThat(report).isEqualTo(new RereadReport(2, 1, 1));
        // the extractor sees the article as it was stored: kind, lab, link, title, text, date, tags
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo(labPost);
        assertThat(events.loadReleaseEvidence()).extracting(e -> e.family()).containsExactly("acme-9");
        assertThat(events.loadCoReleases()).extracting(CoRelease::familyB).containsExactly("zeta-2");
        assertThat(events.undetectedFamilies()).contains(new FamilyKey("acme", "acme-9"));
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    void rereadAll_cutOffByAFailure_keepsWholePagesAndASecondRunFinishes() throws Exception {
        for (int i = 1; i <= 5; i++) {
            articles.save(article("wire", "g" + i, "https://wire.example/" + i), i,
                    release("acme", "old-" + i, LocalDate.of(2031, 3, i)), NOW);
        }
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Article, Extraction> newer = a -> release("acme", "new-" + a.guid(),
                LocalDate.of(2031, 4, 1));

        // pages of two: the failure on the fourth article loses its page (3, 4), never half of one
        assertThatThrownBy(() -> new ArticleRereads(db.dataSource(), 2).rereadAll(a -> {
            if (calls.incrementAndGet() == 4) {
                throw new IllegalStateException("cut off");
            }
            return newer.apply(a);
        })).hasMessage("cut off");
        assertThat(events.loadReleaseEvidence()).extracting(e -> e.family())
                .containsExactlyInAnyOrder("new-g1", "new-g2", "old-3", "old-4", "old-5");

        assertThat(new ArticleRereads(db.dataSource(), 2).rereadAll(newer)).isEqualTo(new RereadReport(5, 5, 5));
        assertThat(events.loadReleaseEvidence()).extracting(e -> e.family())
                .containsExactlyInAnyOrder("new-g1", "new-g2", "new-g3", "new-g4", "new-g5");
    }

    @Test
    void save_sameGuidTwice_storesOnce() throws Exception {
        var a = article("wire", "g1", "https://wire.example/a");

        assertThat(articles.save(a, 1, Extraction.EMPTY, NOW)).isPresent();
        assertThat(articles.save(a, 1, Extraction.EMPTY, NOW)).isEmpty();
        assertThat(articles.count()).isEqualTo(1);
    }

    @Test
    void save_sameUrlFromTwoSources_storesOnce() throws Exception {
        articles.save(article("wire", "g1", "https://www.wire.example/a/?utm_source=x"), 1, Extraction.EMPTY, NOW);

        Optional<Long> second = articles.save(article("digest", "other", "http://wire.example/a"), 1,
                Extraction.EMPTY, NOW);

        assertThat(second).isEmpty();
        assertThat(articles.count()).isEqualTo(1);
    }

    @Test
    void store_oneSourceDistinctGuidsSameLink_storesBoth() throws Exception {
        articles.store(article("minimax", "g1", "https://platform.example/release-notes"), 1, Extraction.EMPTY, NOW);

        SaveOutcome second = articles.store(article("minimax", "g2", "https://platform.example/release-notes"), 2,
                Extraction.EMPTY, NOW);

        assertThat(second).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    void store_labPostWithALinkAnotherSourceStored_isKept() throws Exception {
        articles.store(article("wire", "w1", "https://lab.example/post"), 1, Extraction.EMPTY, NOW);
        var own = article("lab-blog", "p1", "https://lab.example/post").withKind(ArticleKind.LAB_POST,
                Optional.of("deepseek"));

        SaveOutcome outcome = articles.store(own, 2, Extraction.EMPTY, NOW);

        assertThat(outcome).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    void store_newsRepeatingAnotherSourcesLink_namesThatSource() throws Exception {
        articles.store(article("wire", "w1", "https://lab.example/post"), 1, Extraction.EMPTY, NOW);

        SaveOutcome outcome = articles.store(article("digest", "d1", "https://lab.example/post"), 2,
                Extraction.EMPTY, NOW);

        assertThat(outcome).isEqualTo(new SaveOutcome.SameLink("wire"));
    }

    /** A source's health after three polls, with all three validators. */
    private static SourceHealth validatedHealth(String sourceId) {
        return new SourceHealth(sourceId, Validators.of("\"v7\"", "Sat, 25 Apr 2026 08:00:00 GMT", "ab"),
                Optional.of(NOW), Optional.of(NOW), Optional.empty(), "ok", Optional.empty(), 0,
                Optional.of(NOW.plusSeconds(1800)), 3, 1, 40);
    }

    @Test
    void sourceState_roundTrips() throws Exception {
        var store = new JdbcSourceStateStore(db.dataSource());
        var health = validatedHealth("hf-blog");

        store.save(health);
        store.save(health);

        assertThat(store.find("hf-blog")).isEqualTo(health);
        assertThat(store.find("unknown")).isEqualTo(SourceHealth.fresh("unknown"));
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void sourceState_savedByAnOlderReader_isFoundWithoutItsValidatorsOnce() throws Exception {
        var store = new JdbcSourceStateStore(db.dataSource());
        var health = validatedHealth("zai-blog");
        store.save(health);
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE source_state SET reader_version = NULL"); // as V13 finds a state saved before
        }

        // the feed is read whole on the next poll; the rest of its health is kept
        SourceHealth found = store.find("zai-blog");
        assertThat(found.validators()).isEqualTo(Validators.NONE);
        assertThat(found.itemCount()).isEqualTo(40);
        assertThat(found.lastSuccessAt()).isEqualTo(health.lastSuccessAt());

        store.save(health); // saved by this version: its validators count again
        assertThat(store.find("zai-blog")).isEqualTo(health);
    }

    @Test
    void saveDetection_rerun_createsNothingTwice() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);

        DetectionChanges first = detect(NOW);
        DetectionChanges second = detect(NOW.plusSeconds(60));

        assertThat(first.newEvents()).isEqualTo(2);
        assertThat(first.count("CREATED")).isEqualTo(1);
        // one row for the collision, one for the watched lab's new event, on the one channel
        assertThat(first.outboxRows()).isEqualTo(2);
        assertThat(second.newEvents()).isZero();
        assertThat(second.collisionChanges()).isEmpty();
        assertThat(second.outboxRows()).isZero();
        assertThat(reader.collisions(ArchiveQuery.all(), Optional.empty(), false)).hasSize(1);
    }

    @Test
    void saveDetection_movedDate_retractsCollisionWithHistory() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);
        detect(NOW);
        String id = reader.collisions(ArchiveQuery.all(), Optional.empty(), false).get(0).id();

        // the lab's own post dates V4 two weeks later than the news did
        var labPost = new Article("deepseek-news", "v4", Optional.of(URI.create("https://deepseek.example/v4")),
                "DeepSeek V4", "", Optional.of(NOW), ArticleKind.LAB_POST, Optional.of("deepseek"), List.of());
        articles.save(labPost, 3, release("deepseek", "deepseek-v4", LocalDate.of(2026, 5, 8)), NOW);
        DetectionChanges changes = detect(NOW.plusSeconds(60));

        assertThat(changes.count("RETRACTED")).isEqualTo(1);
        assertThat(reader.collisions(ArchiveQuery.all(), Optional.empty(), false)).isEmpty();
        StoredCollision retracted = reader.collision(id).orElseThrow();
        assertThat(retracted.status().name()).isEqualTo("RETRACTED");
        assertThat(reader.history(id)).extracting(HistoryEntry::change).containsExactly("CREATED", "RETRACTED");
        assertThat(reader.event(ReleaseEvent.idFor("deepseek", "deepseek-v4")).orElseThrow().date())
                .contains(LocalDate.of(2026, 5, 8));
    }

    @Test
    void find_byLabAndDate_returnsMatchingArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);

        var found = articles.search(new ArchiveQuery(Optional.of(LocalDate.of(2026, 4, 25)),
                Optional.of(LocalDate.of(2026, 4, 25)), Optional.of("moonshot"), Optional.empty(), 10, 0));

        assertThat(found).extracting(StoredArticle::guid).containsExactly("g2");
    }

    /** {@code q} is a plain substring: '%', '_' and the escape character '\\' match only themselves (issue 17). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%        | ''",
        "_        | deepseek_v4",
        "'\\'     | ''",
        "i_       | ''",
        "k2.6     | kimi-k2.6",
        "EK_V     | deepseek_v4"})
    void events_textWithLikeWildcards_matchesThemLiterally(String q, String expected) throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek_v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);
        detect(NOW);

        var found = reader.events(new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(q), 10, 0));

        assertThat(found).extracting(StoredEvent::model)
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void evidence_listsMentionsWithArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        detect(NOW);

        List<StoredEvidence> evidence = reader.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v4"));

        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.link()).contains(URI.create("https://wire.example/1"));
            assertThat(e.sentence()).isEqualTo("deepseek-v4 was released");
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 4, 24));
        });
    }
    // issue 18: the batched store and the one writer of polls

    @Test
    void storeAll_sameGuidTwiceInOneBatch_storesItOnceAndSaysSo() throws Exception {
        var a = article("wire", "g1", "https://wire.example/a");
        var b = article("wire", "g2", "https://wire.example/b");

        List<SaveOutcome> outcomes = articles.storeAll(List.of(new JdbcArticleStore.NewArticle(a, 1, Extraction.EMPTY),
                new JdbcArticleStore.NewArticle(b, 2, Extraction.EMPTY),
                new JdbcArticleStore.NewArticle(a, 1, Extraction.EMPTY)), NOW);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(outcomes.get(1)).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(outcomes.get(2)).isInstanceOf(SaveOutcome.AlreadyStored.class);
        assertThat(articles.count()).isEqualTo(2);
        assertThat(articles.knownGuids(List.of(a, b, article("wire", "g3", "https://wire.example/c"))))
                .containsExactlyInAnyOrder("g1", "g2");
    }

    @Test
    void storeAll_mentionsLandOnTheirOwnArticle() throws Exception {
        var plain = article("wire", "p", "https://wire.example/p");
        var rel = article("wire", "r", "https://wire.example/r");

        List<SaveOutcome> outcomes = articles.storeAll(List.of(
                new JdbcArticleStore.NewArticle(plain, 1, Extraction.EMPTY),
                new JdbcArticleStore.NewArticle(rel, 2, release("deepseek", "DeepSeek-V9", LocalDate.of(2026, 4, 24)))),
                NOW);

        long relId = ((SaveOutcome.Stored) outcomes.get(1)).id();
        var evidence = events.loadReleaseEvidence();
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).articleId()).isEqualTo(relId);
    }

    @Test
    void writer_manyConcurrentPolls_storeEveryArticleOnceWithItsState() throws Exception {
        var states = new JdbcSourceStateStore(db.dataSource());
        int sources = 24;
        int items = 15;
        try (ArchiveWriter writer = articles.newWriter()) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
            List<java.util.concurrent.Future<Integer>> stored = new java.util.ArrayList<>();
            for (int s = 0; s < sources; s++) {
                String id = "src-" + s;
                stored.add(pool.submit(() -> {
                    List<JdbcArticleStore.NewArticle> batch = new java.util.ArrayList<>();
                    for (int i = 0; i < items; i++) {
                        batch.add(new JdbcArticleStore.NewArticle(article(id, "g" + i,
                                "https://" + id + ".example/" + i), i, Extraction.EMPTY));
                    }
                    List<SaveOutcome> outcomes = writer.write(batch, NOW, o -> withItems(id,
                            (int) o.stream().filter(SaveOutcome.Stored.class::isInstance).count()));
                    return (int) outcomes.stream().filter(SaveOutcome.Stored.class::isInstance).count();
                }));
            }
            for (var f : stored) {
                assertThat(f.get()).isEqualTo(items);
            }
            pool.shutdown();
        }
        assertThat(articles.count()).isEqualTo((long) sources * items);
        assertThat(states.all()).hasSize(sources).allSatisfy(h -> assertThat(h.itemCount()).isEqualTo(items));
    }

    @Test
    void writer_onePollFailing_losesNothingOfTheOthersAndStoresNoneOfItsOwn() throws Exception {
        var states = new JdbcSourceStateStore(db.dataSource());
        var start = new java.util.concurrent.CountDownLatch(1);
        try (ArchiveWriter writer = articles.newWriter()) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<?>> polls = new java.util.ArrayList<>();
            for (int s = 0; s < 6; s++) {
                String id = "src-" + s;
                boolean bad = s == 3;
                polls.add(pool.submit(() -> {
                    start.await();
                    var batch = List.of(new JdbcArticleStore.NewArticle(article(id, "g", "https://" + id
                            + ".example/g"), 1, Extraction.EMPTY));
                    return writer.write(batch, NOW, o -> {
                        if (bad) {
                            throw new IllegalStateException("a state this database refuses");
                        }
                        return withItems(id, 1);
                    });
                }));
            }
            start.countDown();
            int failed = 0;
            for (var f : polls) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            pool.shutdown();
            assertThat(failed).isEqualTo(1);
        }
        assertThat(articles.count()).isEqualTo(5);
        assertThat(articles.knownGuids(List.of(article("src-3", "g", "https://src-3.example/g")))).isEmpty();
        assertThat(states.all()).extracting(SourceHealth::sourceId).doesNotContain("src-3").hasSize(5);
    }

    @Test
    void writer_queuedStates_areAllCommittedWhenFlushReturns_andTheLastOfASourceWins() throws Exception {
        var states = new JdbcSourceStateStore(db.dataSource());
        try (ArchiveWriter writer = articles.newWriter()) {
            for (int round = 1; round <= 3; round++) {
                for (int s = 0; s < 40; s++) {
                    writer.writeLater(NOW, withItems("queued-" + s, round));
                }
            }
            writer.flush();
            // read before close: flush, not close, is what committed them
            assertThat(states.all()).hasSize(40).allSatisfy(h -> assertThat(h.itemCount()).isEqualTo(3));
        }
    }

    @Test
    void writer_queuedStateAfterClose_isRefusedWithWhatHappens() throws Exception {
        ArchiveWriter writer = articles.newWriter();
        writer.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.writeLater(NOW, withItems("late", 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("polled again");
        assertThat(new JdbcSourceStateStore(db.dataSource()).all()).isEmpty();
    }

    @Test
    void writer_afterClose_refusesAPollInsteadOfLosingItSilently() throws Exception {
        ArchiveWriter writer = articles.newWriter();
        writer.close();
        var batch = List.of(new JdbcArticleStore.NewArticle(article("wire", "late", "https://wire.example/late"), 1,
                Extraction.EMPTY));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.write(batch, NOW, o -> withItems("wire", 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("read again");
        assertThat(articles.count()).isZero();
    }

    static SourceHealth withItems(String sourceId, int items) {
        return new SourceHealth(sourceId, Validators.NONE, Optional.of(NOW), Optional.of(NOW), Optional.of(NOW), "ok",
                Optional.empty(), 0, Optional.of(NOW.plusSeconds(1800)), 1, 0, items);
    }
    static Article titled(String source, String guid, String title, Instant published) {
        return new Article(source, guid, Optional.of(URI.create("https://" + source + ".example/" + guid)), title,
                "body of " + guid, Optional.of(published), ArticleKind.NEWS, Optional.empty(), List.of());
    }

    @Test
    void search_text_everyWordMustOccur_newestFirst_paged() throws Exception {
        articles.save(titled("wire", "a", "Kimi Linear attention explained", NOW.minusSeconds(300)), 1,
                Extraction.EMPTY, NOW);
        articles.save(titled("wire", "b", "Kimi K3 ships with linear layers", NOW.minusSeconds(200)), 2,
                Extraction.EMPTY, NOW);
        articles.save(titled("wire", "c", "Kimi K3 benchmark notes", NOW.minusSeconds(100)), 3,
                Extraction.EMPTY, NOW);
        articles.save(titled("wire", "d", "DeepSeek-V9 paper", NOW), 4, Extraction.EMPTY, NOW);

        assertThat(articles.search(text("kimi LINEAR", 10, 0))).extracting(StoredArticle::guid)
                .containsExactly("b", "a");
        assertThat(articles.search(text("kimi", 1, 1))).extracting(StoredArticle::guid).containsExactly("b");
        assertThat(articles.search(text("v9", 10, 0))).extracting(StoredArticle::guid).containsExactly("d");
        assertThat(articles.search(text("kimi banana", 10, 0))).isEmpty();
    }

    @Test
    void search_text_withLabAndDates_appliesEveryFilter() throws Exception {
        articles.save(titled("wire", "in", "open weights today", NOW), 1,
                release("moonshot", "kimi-k3", LocalDate.of(2026, 4, 25)), NOW);
        articles.save(titled("wire", "other-lab", "open weights today", NOW), 2,
                release("deepseek", "deepseek-v9", LocalDate.of(2026, 4, 25)), NOW);
        articles.save(titled("wire", "too-old", "open weights last month", NOW.minusSeconds(40L * 86400)), 3,
                release("moonshot", "kimi-k2", LocalDate.of(2026, 3, 15)), NOW);

        var found = articles.search(new ArchiveQuery(Optional.of(LocalDate.of(2026, 4, 20)),
                Optional.of(LocalDate.of(2026, 4, 25)), Optional.of("moonshot"), Optional.of("open weights"), 10, 0));

        assertThat(found).extracting(StoredArticle::guid).containsExactly("in");
    }

    @Test
    void search_text_wildcardsAreLiteral() throws Exception {
        articles.save(titled("wire", "a", "Qwen 4 release", NOW), 1, Extraction.EMPTY, NOW);

        assertThat(articles.search(text("%", 10, 0))).isEmpty();
        assertThat(articles.search(text("_", 10, 0))).isEmpty();
        assertThat(articles.search(text("Q%n", 10, 0))).isEmpty();
    }

    static ArchiveQuery text(String q, int limit, long offset) {
        return new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(q), limit, offset);
    }

    @Test
    void evidence_ofAPreviewAndItsLaterFinal_listsEachEventsOwnMentions() throws Exception {
        var preview = new Mention("deepseek", "deepseek-v9-preview", "DeepSeek V9 Preview", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 3, 4)), 0.9, "DeepSeek V9 Preview is here");
        var fin = new Mention("deepseek", "deepseek-v9", "DeepSeek V9", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 4, 20)), 0.9, "DeepSeek V9 is now generally available");
        articles.save(article("wire", "g1", "https://wire.example/1"), 1, new Extraction(List.of(preview), List.of()),
                NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2, new Extraction(List.of(fin), List.of()),
                NOW);
        detect(NOW);

        var ofPreview = reader.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v9-preview"));
        var ofFinal = reader.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v9"));

        assertThat(ofPreview).extracting(StoredEvidence::sentence).containsExactly("DeepSeek V9 Preview is here");
        assertThat(ofFinal).extracting(StoredEvidence::sentence)
                .containsExactly("DeepSeek V9 is now generally available");
    }

    @Test
    void loadReleaseEvidence_keepsWhetherTheDateCameFromTheArticle() throws Exception {
        var undated = new Mention("deepseek", "deepseek-v9", "DeepSeek V9", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 4, 25)), 0.9, "DeepSeek put out DeepSeek V9", true);
        articles.save(article("wire", "g1", "https://wire.example/1"), 1, new Extraction(List.of(undated), List.of()),
                NOW);

        assertThat(events.loadReleaseEvidence()).singleElement()
                .satisfies(e -> assertThat(e.dateFromArticle()).contains(true));
    }
}
