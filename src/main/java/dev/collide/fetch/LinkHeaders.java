package dev.collide.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the few response headers that paging and rate limits need, so no OkHttp type leaves this package. */
final class LinkHeaders {
    // RFC 8288: <uri-reference>; param=value; ...  (several links may share one header, comma-separated)
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;[^,<]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?",
            Pattern.CASE_INSENSITIVE);
    // draft-ietf-httpapi-ratelimit-headers: RateLimit: "api";r=0;t=123
    private static final Pattern RESET = Pattern.compile("(?:^|;)\\s*t\\s*=\\s*(\\d{1,9})");

    private LinkHeaders() {
    }

    /** The target of the first {@code rel="next"} link, resolved against {@code base}; empty when none or broken. */
    static Optional<URI> next(URI base, List<String> linkHeaders) {
        for (String header : linkHeaders) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL_NEXT.matcher(link.group(2));
                while (rel.find()) {
                    for (String value : rel.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (value.equals("next")) {
                            return resolve(base, link.group(1).strip());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The seconds until the rate-limit window resets ({@code t=}), if the header says. */
    static Optional<Duration> rateLimitReset(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = RESET.matcher(header);
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    private static Optional<URI> resolve(URI base, String target) {
        try {
            URI uri = base.resolve(new URI(target));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
