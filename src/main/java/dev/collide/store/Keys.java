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
    private Keys() {
    }

    static String guidKey(String sourceId, String guid) {
        return sha256(sourceId + "\n" + guid);
    }

    /** The same story behind different tracking parameters, fragments or host case is one URL. */
    static Optional<String> urlKey(Optional<URI> link) {
        return link.map(Keys::canonical).map(Keys::sha256);
    }

    static String canonical(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
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
        return host + (defaultPort ? "" : ":" + port) + path + (query.length() == 0 ? "" : "?" + query);
    }

    /**
     * The first 64 bits of a hex key, the indexed look-up value (migration V11 computes the same in SQL): 8 bytes
     * per index entry instead of 64 characters. Callers compare the full key, so a shared prefix is never a match.
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
