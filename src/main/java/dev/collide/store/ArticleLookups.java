package dev.collide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate look-ups of {@link JdbcArticleStore} and {@link ArticleInserts}: by IN lists of 64-bit key prefixes
 * (migration V11), the guid's within its source on the unique index articles_source_guid_hash, the URL's on
 * articles_url_hash. H2 answers "guid_key = ? OR url_key = ?" with a table scan, 27 s for a 10,000-item feed (issue
 * 17). Rows come back with their full keys, which are compared, so a shared prefix is never taken for a match.
 */
final class ArticleLookups {
    static final String GUID_KEYS = "SELECT guid_key FROM articles WHERE source_id = ? AND guid_hash IN (%s)";
    static final String URL_KEYS = "SELECT url_key, source_id FROM articles WHERE url_hash IN (%s)";
    /** Keys per look-up: one statement for a usual feed, and well under any driver's parameter limit. */
    static final int LOOKUP_CHUNK = 500;

    private ArticleLookups() {
    }

    /** Which of {@code keys} (guid keys of {@code sourceId}) are stored. */
    static List<String> knownGuidKeys(Connection c, String sourceId, List<String> keys) throws SQLException {
        Set<String> wanted = new HashSet<>(keys);
        List<String> found = new ArrayList<>();
        for (String key : existing(c, GUID_KEYS, sourceId, keys, 1, null)) {
            if (wanted.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Url key -> the sources holding an article with that canonical URL, for the stored ones of {@code urlKeys}. */
    static Map<String, List<String>> urlHolders(Connection c, List<String> urlKeys) throws SQLException {
        Map<String, List<String>> holders = new HashMap<>();
        for (String row : existing(c, URL_KEYS, null, urlKeys, 2, "\n")) {
            int cut = row.indexOf('\n');
            holders.computeIfAbsent(row.substring(0, cut), k -> new ArrayList<>()).add(row.substring(cut + 1));
        }
        return holders;
    }

    /**
     * Runs {@code template} over the 64-bit prefixes of {@code keys} in chunks, after {@code sourceId} when it is
     * not null; returns the first column of each row, or the first {@code columns} columns joined by
     * {@code separator}.
     */
    private static List<String> existing(Connection c, String template, String sourceId, List<String> keys,
                                         int columns, String separator) throws SQLException {
        List<String> found = new ArrayList<>();
        List<Long> hashes = keys.stream().map(Keys::hash64).distinct().toList();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<Long> chunk = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK));
            String sql = String.format(template, String.join(", ", Collections.nCopies(chunk.size(), "?")));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (sourceId != null) {
                    ps.setString(p++, sourceId);
                }
                for (long hash : chunk) {
                    ps.setLong(p++, hash);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(columns == 1 ? rs.getString(1) : rs.getString(1) + separator + rs.getString(2));
                    }
                }
            }
        }
        return found;
    }
}
