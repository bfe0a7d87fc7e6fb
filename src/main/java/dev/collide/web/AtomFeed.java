package dev.collide.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.collide.store.StoredCollision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** The collisions as an Atom 1.0 feed (RFC 4287), written by Rome so that entities and dates are right. */
final class AtomFeed {
    private AtomFeed() {
    }

    /**
     * @param baseUrl absolute URL of this server without trailing slash, for links feed readers can follow
     * @param now     the feed's {@code updated} when there is no collision yet
     */
    static String render(List<StoredCollision> collisions, String baseUrl, Instant now) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Collide: AI release collisions");
        feed.setUri("urn:collide:collisions");
        feed.setLink(baseUrl + "/");
        feed.setLinks(List.of(link(baseUrl + "/collisions.atom", "self"), link(baseUrl + "/", "alternate")));
        feed.setDescription("Two AI labs releasing models within days of each other.");
        Instant updated = collisions.stream().map(StoredCollision::updatedAt).max(Comparator.naturalOrder())
                .orElse(now);
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>();
        for (StoredCollision c : collisions) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:collide:collision:" + c.id());
            entry.setTitle(Describe.title(c));
            entry.setLink(baseUrl + "/collisions/" + c.id());
            entry.setAuthor("Collide");
            entry.setPublishedDate(Date.from(c.createdAt()));
            entry.setUpdatedDate(Date.from(c.updatedAt()));
            SyndContent content = new SyndContentImpl();
            content.setType("text");
            content.setValue(Describe.collision(c));
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the collisions feed: " + e.getMessage(), e);
        }
    }

    private static SyndLink link(String href, String rel) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }
}
