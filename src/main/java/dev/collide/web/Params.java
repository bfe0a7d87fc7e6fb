package dev.collide.web;

import dev.collide.detect.Tier;
import dev.collide.store.ArchiveQuery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A request's query parameters, checked: each bad or unknown one is a {@link BadParameter} naming it. */
final class Params {
    static final int DEFAULT_LIMIT = 50;
    private static final Pattern LAB_ID = Pattern.compile("[a-z0-9-]{1,100}");
    private static final int MAX_QUERY = 200;

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a raw query string (may be null); a parameter given twice, or not in {@code allowed}, is refused. */
    static Params parse(String rawQuery, Set<String> allowed) throws BadParameter {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
                if (!allowed.contains(name)) {
                    throw new BadParameter(name, "unknown parameter '" + name + "'; this endpoint takes "
                            + (allowed.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(allowed))));
                }
                if (values.put(name, value) != null) {
                    throw new BadParameter(name, "parameter '" + name + "' is given twice; give it once");
                }
            }
        }
        return new Params(values);
    }

    private static String decode(String s, String parameter) throws BadParameter {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(parameter, "parameter '" + parameter + "' is not valid URL encoding");
        }
    }

    /** The value, or empty when absent or blank (an empty form field means "no filter"). */
    Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    Optional<LocalDate> date(String name) throws BadParameter {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.get()));
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + " '" + raw.get()
                    + "' is not a date; write YYYY-MM-DD, e.g. 2026-04-24");
        }
    }

    long number(String name, long fallback, long min, long max) throws BadParameter {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(raw.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw new BadParameter(name, name + " '" + raw.get() + "' must be a whole number from " + min + " to " + max);
    }

    Optional<String> lab() throws BadParameter {
        Optional<String> lab = string("lab");
        if (lab.isPresent() && !LAB_ID.matcher(lab.get()).matches()) {
            throw new BadParameter("lab", "lab '" + lab.get() + "' is not a lab id; lab ids are lower-case letters,"
                    + " digits and '-', as listed by /api/labs");
        }
        return lab;
    }

    Optional<Tier> tier() throws BadParameter {
        Optional<String> tier = string("tier");
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tier> named = Arrays.stream(Tier.values()).filter(t -> t.name().equals(tier.get())).findFirst();
        if (named.isEmpty()) {
            throw new BadParameter("tier", "tier '" + tier.get() + "' is not a tier; use SAME_DAY, WITHIN_72H or"
                    + " WITHIN_WINDOW");
        }
        return named;
    }

    boolean flag(String name) throws BadParameter {
        Optional<String> raw = string(name);
        if (raw.isEmpty() || raw.get().equals("false")) {
            return false;
        }
        if (raw.get().equals("true")) {
            return true;
        }
        throw new BadParameter(name, name + " '" + raw.get() + "' must be true or false");
    }

    /** lab, since, until, q, limit, offset as one query; since after until is refused. */
    ArchiveQuery query() throws BadParameter {
        Optional<LocalDate> since = date("since");
        Optional<LocalDate> until = date("until");
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new BadParameter("since", "since " + since.get() + " is after until " + until.get()
                    + "; swap them");
        }
        Optional<String> text = string("q");
        if (text.isPresent() && text.get().length() > MAX_QUERY) {
            throw new BadParameter("q", "q is " + text.get().length() + " characters long; at most " + MAX_QUERY);
        }
        int limit = (int) number("limit", DEFAULT_LIMIT, 1, ArchiveQuery.MAX_LIMIT);
        long offset = number("offset", 0, 0, 1_000_000_000L);
        return new ArchiveQuery(since, until, lab(), text, limit, offset);
    }
}
