package dev.collide.source;

/**
 * The version of what the sources read from a response (parsing, item extraction, fetch fixes). A source's
 * validators (ETag, Last-Modified, body hash) are kept with the version that saved them, and those of an older
 * version are not sent: the first poll after an upgrade reads every feed whole, so that items an older version lost
 * are stored (the known ones are skipped by guid). Raise it with any change that reads items an older version did
 * not.
 */
public final class ReaderVersion {
    /**
     * 1: the states saved before versions were kept (up to 2026-12-02: lost items of the scraped lab feeds and of
     * HTTP/1.0 servers); 2: from 2026-12-03.
     */
    public static final int CURRENT = 2;

    private ReaderVersion() {
    }
}
