package dev.collide.extract;

import dev.collide.extract.CorpusEvaluation.Passage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A fixed split of a real-text corpus by source site (issue #12), so that rules tuned on the dev part can be scored
 * on passages from sites they never saw. The rule, fixed before any tuning and never to be changed: a passage's site
 * is its source URL's host, lower case, minus a leading {@code www.} ({@code github:owner/repo:path} sources count
 * as {@code github.com}); the passage is held out when CRC32 of the site's UTF-8 bytes is divisible by 3, dev
 * otherwise. One site's passages therefore never straddle the two parts.
 */
public enum CorpusSplit {
    DEV, HELD_OUT, ALL;

    /** "dev", "held-out" or "all"; throws IllegalArgumentException naming the choices for anything else. */
    public static CorpusSplit parse(String name) {
        return switch (name) {
            case "dev" -> DEV;
            case "held-out" -> HELD_OUT;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("--split must be dev, held-out or all, not '" + name + "'");
        };
    }

    /** The passages of this part, in their order. */
    public List<Passage> select(List<Passage> passages) {
        return passages.stream().filter(this::contains).toList();
    }

    boolean contains(Passage p) {
        return switch (this) {
            case ALL -> true;
            case HELD_OUT -> isHeldOut(p.source());
            case DEV -> !isHeldOut(p.source());
        };
    }

    static boolean isHeldOut(String source) {
        CRC32 crc = new CRC32();
        crc.update(site(source).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 3 == 0;
    }

    /** The source's host, lower case, without a leading "www."; "" when the source names none. */
    static String site(String source) {
        String host;
        if (source.startsWith("github:")) {
            host = "github.com";
        } else {
            try {
                host = URI.create(source.strip()).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
