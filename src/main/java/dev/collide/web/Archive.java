package dev.collide.web;

import static java.util.Objects.requireNonNull;

import dev.collide.config.Lab;
import dev.collide.store.ArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcSourceStateStore;
import java.util.List;

/** The read side of the store that the archive server shows, and the labs from config/labs.yml. */
public record Archive(ArchiveReader events, JdbcArticleStore articles, JdbcSourceStateStore sourceStates,
                      JdbcArchiveStats stats, List<Lab> labs) {
    public Archive {
        requireNonNull(events, "events");
        requireNonNull(articles, "articles");
        requireNonNull(sourceStates, "sourceStates");
        requireNonNull(stats, "stats");
        labs = List.copyOf(labs);
    }
}
