package dev.collide.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** De-duplication keys: SHA-256 hex of a source's guid, and of an article's canonical URL. */
final class Keys {
    /** Bits of a URL's look-up value taken from its host (see {@link #urlHash}); the rest come from its key. */
    static final int HOST_BITS = 20;

    private Keys() {
    }

    /** An article's canonical-URL key and its indexed look-up value. */
    record UrlKey(String key, long hash) {
    }

    static String guidKey(String sourceId, String guid) {
        return sha256(sourceId + "\n" + guid);
    }

    /** The same story behind different tracking parameters, fragments or host case is one URL. */
    static Optional<UrlKey> urlKey(Optional<URI> link) {
        return link.map(uri -> {
            String key = sha256(canonical(uri));
            return new UrlKey(key, urlHash(canonicalHost(uri), key));
        });
    }

    static String canonical(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringJoiner query = new StringJoiner("&");
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!name.startsWith("utm_") && !name.equals("ref") && !name.equals("fbclid")
                        && !name.equals("gclid") && !param.isEmpty()) {
                    query.add(param);
                }
            }
        }
        // http and https of one page are the same story
        return canonicalHost(uri) + path + (query.length() == 0 ? "" : "?" + query);
    }

    /** The host part of {@link #canonical}: lower case, without "www.", with the port only when not the default. */
    static String canonicalHost(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return host + (defaultPort ? "" : ":" + port);
    }

    /**
     * The indexed look-up value of a URL key (migration V14): its top {@link #HOST_BITS} bits hash the canonical
     * host, the other 44 are the key's first 44 bits. So one host's entries sit together in articles_url_hash, and a
     * fetch of new hosts' articles writes new leaves of the index instead of touching most of an archive's (issue
     * 18: with a purely random value every commit of a cold run into 1,000,000 articles rewrote most of the
     * index's leaves). Callers compare the full key, so a shared value is never a match.
     */
    static long urlHash(String canonicalHost, String urlKey) {
        long hostBits = fnv1a64(canonicalHost) >>> (64 - HOST_BITS);
        long keyBits = Long.parseUnsignedLong(urlKey.substring(0, 11), 16); // 11 hex digits = 44 bits
        return hostBits << (64 - HOST_BITS) | keyBits;
    }

    /** FNV-1a, 64 bits, over UTF-8: fixed by its definition, so stored look-up values never change meaning. */
    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * The first 64 bits of a hex key, the indexed look-up value of a guid key (migration V11 computes the same in
     * SQL): 8 bytes per index entry instead of 64 characters. Callers compare the full key, so a shared prefix is
     * never a match.
     */
    static long hash64(String hexKey) {
        return Long.parseUnsignedLong(hexKey.substring(0, 16), 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
