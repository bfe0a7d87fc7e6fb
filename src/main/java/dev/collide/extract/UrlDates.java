package dev.collide.extract;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a news address carries in its path ("/2024/03/17/...", "/news/2024-03-17-grok-1-open-weights/"). Sites
 * put the day a story was first written there; a feed that dates the item later (an update, a repost, a "one year
 * ago" re-run) leaves the story's "today" and "yesterday" meaning that first day (issue #12 item 4).
 */
final class UrlDates {
    private static final Pattern PATH_DATE = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2})([/_-])([01][0-9])\\2([0-3][0-9])(?![0-9])");

    private UrlDates() {
    }

    static Optional<LocalDate> of(Optional<URI> link) {
        if (link.isEmpty() || link.get().getRawPath() == null) {
            return Optional.empty();
        }
        String path = link.get().getRawPath();
        if (!hasYear(path)) {
            return Optional.empty(); // most addresses: no regex run
        }
        Matcher m = PATH_DATE.matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Some "19" or "20" then two digits. */
    private static boolean hasYear(String path) {
        for (int i = 0; i + 4 <= path.length(); i++) {
            char c = path.charAt(i);
            if ((c == '1' && path.charAt(i + 1) == '9' || c == '2' && path.charAt(i + 1) == '0')
                    && Character.isDigit(path.charAt(i + 2)) && Character.isDigit(path.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The day the story's relative dates count from: the address's day when it lies before the feed's day (by at
     * most ten years), else the feed's.
     */
    static Optional<LocalDate> reference(Optional<URI> link, Optional<LocalDate> published) {
        if (published.isEmpty()) {
            return published;
        }
        Optional<LocalDate> fromUrl = of(link);
        if (fromUrl.isPresent() && fromUrl.get().isBefore(published.get())
                && fromUrl.get().isAfter(published.get().minusYears(10))) {
            return fromUrl;
        }
        return published;
    }
}
