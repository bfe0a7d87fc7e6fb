package dev.collide.notify;

import java.net.URI;
import java.util.Optional;

/** An article of the digest's window and how many release mentions it carries. */
public record CitedArticle(long id, String sourceId, String title, Optional<URI> link, int releaseMentions) {
}
