package dev.collide.fetch;

import java.util.Optional;

/** HTTP cache validators kept per source between fetches (RFC 9110 8.8). Both may be absent. */
public record Validators(Optional<String> etag, Optional<String> lastModified, Optional<String> bodyHash) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty(), Optional.empty());

    public Validators {
        etag = etag.filter(s -> !s.isBlank());
        lastModified = lastModified.filter(s -> !s.isBlank());
        bodyHash = bodyHash.filter(s -> !s.isBlank());
    }

    public static Validators of(String etag, String lastModified, String bodyHash) {
        return new Validators(Optional.ofNullable(etag), Optional.ofNullable(lastModified),
                Optional.ofNullable(bodyHash));
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty() && bodyHash.isEmpty();
    }
}
