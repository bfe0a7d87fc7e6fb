package dev.collide.cli;

import dev.collide.config.Lab;
import dev.collide.config.YamlMap;
import dev.collide.detect.Collision;
import dev.collide.detect.Tier;
import dev.collide.store.ArchiveQuery;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Argument checks shared by the commands; each failure is a usage error (exit 2) saying what to write. */
final class Commands {
    private Commands() {
    }

    /** The filters; an unknown --lab is an error worded as the API words it, not an empty table. */
    static ArchiveQuery query(CommandSpec spec, ArchiveOptions options, List<Lab> labs) {
        if (options.lab != null && !labs.isEmpty() && labs.stream().noneMatch(l -> l.id().equals(options.lab))) {
            throw new ParameterException(spec.commandLine(), Lab.notConfigured(options.lab, labs));
        }
        try {
            return options.query();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static Optional<Tier> tier(CommandSpec spec, String tier) {
        if (tier == null) {
            return Optional.empty();
        }
        String name = tier.toUpperCase(Locale.ROOT).replace('-', '_');
        Optional<Tier> named = Arrays.stream(Tier.values()).filter(t -> t.name().equals(name)).findFirst();
        if (named.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--tier '" + tier
                    + "' is not a tier; use SAME_DAY, WITHIN_72H or WITHIN_WINDOW");
        }
        return named;
    }

    static Duration window(CommandSpec spec, String window) {
        try {
            Duration w = YamlMap.parseDuration(window);
            if (w.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("too short");
            }
            return w;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--window '" + window
                    + "' is not a window of at least a day; write e.g. 3d or 2w");
        }
    }

    static boolean matches(ArchiveQuery q, Optional<Tier> tier, Collision c) {
        LocalDate a = c.a().date().map(d -> d.date()).orElse(LocalDate.MIN);
        LocalDate b = c.b().date().map(d -> d.date()).orElse(LocalDate.MAX);
        return q.since().map(s -> !b.isBefore(s)).orElse(true)
                && q.until().map(u -> !a.isAfter(u)).orElse(true)
                && q.lab().map(l -> l.equals(c.a().lab()) || l.equals(c.b().lab())).orElse(true)
                && tier.map(t -> t == c.tier()).orElse(true);
    }
}
