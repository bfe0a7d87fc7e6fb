package dev.collide.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 archive's full-text index of article titles and bodies (issue 18), a Lucene index beside the database file
 * ({@code collide.mv.db} has {@code collide.search/}). It is derived data: it indexes the articles whose id is above
 * the highest it holds, so it catches up after a crash, a copy of the database file or another process's inserts,
 * and is rebuilt when it is missing or belongs to another database (a restored backup). Every word of a query must
 * occur, as with H2's FullText and PostgreSQL's {@code plainto_tsquery} before it; hits come newest first.
 * Thread-safe.
 */
final class ArticleSearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleSearchIndex.class);
    private static final String MAX_ID = "maxId";
    private static final String MAX_KEY = "maxKey";
    private static final int CHUNK = 2_000;
    /** Commits (an fsync) at most this often while catching up; searches see new articles at once regardless. */
    private static final long COMMIT_EVERY_NANOS = 5_000_000_000L;

    private final DataSource dataSource;
    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long indexedMaxId;
    private String indexedMaxKey;
    private long lastCommit = System.nanoTime();
    private boolean uncommitted;

    private ArticleSearchIndex(DataSource dataSource, Directory directory) throws IOException {
        this.dataSource = dataSource;
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(32));
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.indexedMaxId = Long.parseLong(data.getOrDefault(MAX_ID, "0"));
        this.indexedMaxKey = data.getOrDefault(MAX_KEY, "");
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * The index in {@code dir} (created when missing), or in memory when {@code dir} is empty (an in-memory
     * database). Empty when another process holds the index (the daemon): that process keeps it, and this one
     * searches without it.
     */
    static Optional<ArticleSearchIndex> open(DataSource dataSource, Optional<Path> dir) throws StoreException {
        try {
            Directory directory;
            if (dir.isPresent()) {
                Files.createDirectories(dir.get());
                directory = FSDirectory.open(dir.get());
            } else {
                directory = new ByteBuffersDirectory();
            }
            try {
                var index = new ArticleSearchIndex(dataSource, directory);
                index.dropIfOfAnotherDatabase();
                return Optional.of(index);
            } catch (LockObtainFailedException e) {
                directory.close();
                LOG.debug("search index {} is held by another process; searching without it", dir.orElseThrow());
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new StoreException("the search index " + dir.map(Path::toString).orElse("in memory")
                    + " cannot be opened (" + e.getMessage() + "); delete that directory and it is rebuilt from"
                    + " the archive", e);
        }
    }

    /** A restored or replaced database file: the ids this index holds name other articles now. */
    private void dropIfOfAnotherDatabase() throws IOException, StoreException {
        if (indexedMaxId == 0) {
            return;
        }
        String key;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT guid_key FROM articles WHERE id = ?")) {
            ps.setLong(1, indexedMaxId);
            try (ResultSet rs = ps.executeQuery()) {
                key = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("could not read articles: " + e.getMessage(), e);
        }
        if (!indexedMaxKey.equals(key)) {
            LOG.info("search index belongs to another copy of the archive; rebuilding it");
            writer.deleteAll();
            indexedMaxId = 0;
            indexedMaxKey = "";
            commit();
        }
    }

    /**
     * Indexes every article stored since the last call (by any process). Cheap when there is none. What it adds is
     * searchable after the next {@link #search}, which reopens the searcher: reopening it here, after every commit
     * of a fetch, flushed the writer's buffer into a new segment each time (issue 18: a cold 2,000-feed fetch made
     * dozens of small segments, and merging them ran beside the fetch, the most of it into an archive of
     * 1,000,000 articles).
     */
    synchronized void catchUp() throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<Document> docs = new ArrayList<>();
                long maxId = indexedMaxId;
                String maxKey = indexedMaxKey;
                Map<Long, Set<String>> labs = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.guid_key, a.title, a.body, a.lab,"
                        + " a.sort_at FROM articles a WHERE a.id > ? ORDER BY a.id FETCH FIRST " + CHUNK
                        + " ROWS ONLY")) {
                    ps.setLong(1, indexedMaxId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            maxId = id;
                            maxKey = rs.getString(2);
                            Document doc = new Document();
                            doc.add(new NumericDocValuesField("id", id));
                            doc.add(new TextField("text", rs.getString(3) + "\n" + rs.getString(4), Field.Store.NO));
                            long at = rs.getObject(6, OffsetDateTime.class).toInstant().toEpochMilli();
                            doc.add(new LongPoint("at", at));
                            doc.add(new NumericDocValuesField("at", at));
                            String lab = rs.getString(5);
                            Set<String> own = new LinkedHashSet<>();
                            if (lab != null) {
                                own.add(lab);
                            }
                            labs.put(id, own);
                            docs.add(doc);
                        }
                    }
                }
                if (docs.isEmpty()) {
                    break;
                }
                // an article counts for a lab it is by or mentions, as in the SQL listing
                try (PreparedStatement ps = c.prepareStatement("SELECT article_id, lab FROM mentions"
                        + " WHERE article_id > ? AND article_id <= ?")) {
                    ps.setLong(1, indexedMaxId);
                    ps.setLong(2, maxId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Set<String> of = labs.get(rs.getLong(1));
                            if (of != null) {
                                of.add(rs.getString(2));
                            }
                        }
                    }
                }
                for (Document doc : docs) {
                    long id = doc.getField("id").numericValue().longValue();
                    for (String lab : labs.get(id)) {
                        doc.add(new StringField("lab", lab, Field.Store.NO));
                    }
                }
                writer.addDocuments(docs);
                indexedMaxId = maxId;
                indexedMaxKey = maxKey;
                uncommitted = true;
            }
            if (uncommitted && System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
                commit();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read articles to index: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("the search index could not be written (" + e.getMessage() + ")", e);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(MAX_ID, Long.toString(indexedMaxId), MAX_KEY, indexedMaxKey).entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
        uncommitted = false;
    }

    /**
     * Ids of the articles containing every word of {@code text}, newest first (publication time, else fetch time,
     * then id), within the bounds, of the lab when given: the window {@code offset}, {@code limit}. Empty when the
     * text has no word.
     */
    List<Long> search(String text, Optional<String> lab, Optional<Long> fromMillis, Optional<Long> untilMillis,
                      int limit, long offset) throws StoreException {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        catchUp();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("the search index could not be reopened (" + e.getMessage() + ")", e);
        }
        var query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(new TermQuery(new Term("text", word)), BooleanClause.Occur.FILTER);
        }
        lab.ifPresent(l -> query.add(new TermQuery(new Term("lab", l)), BooleanClause.Occur.FILTER));
        if (fromMillis.isPresent() || untilMillis.isPresent()) {
            query.add(LongPoint.newRangeQuery("at", fromMillis.orElse(Long.MIN_VALUE),
                    untilMillis.map(u -> u - 1).orElse(Long.MAX_VALUE)), BooleanClause.Occur.FILTER);
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE - 1, offset + limit);
        Sort newestFirst = new Sort(new SortField("at", SortField.Type.LONG, true),
                new SortField("id", SortField.Type.LONG, true));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(query.build(), wanted, newestFirst);
                List<Long> ids = new ArrayList<>();
                for (int i = (int) Math.min(offset, top.scoreDocs.length); i < top.scoreDocs.length; i++) {
                    ScoreDoc hit = top.scoreDocs[i];
                    ids.add((Long) ((FieldDoc) hit).fields[1]);
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreException("the search index could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** The words of a query as the index holds them (lower case, split at punctuation). */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // from a String: does not happen
        }
        return words;
    }

    @Override
    public synchronized void close() {
        try {
            if (uncommitted) {
                commit();
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("search index could not be closed cleanly ({}); it catches up on the next start",
                    e.getMessage());
        }
    }
}
