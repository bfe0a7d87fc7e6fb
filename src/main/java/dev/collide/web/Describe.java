package dev.collide.web;

import dev.collide.detect.Tier;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.util.Arrays;

/** One-line human descriptions shared by the page, the Atom feed and the calendar (plain text, not escaped). */
final class Describe {
    private Describe() {
    }

    static String event(StoredEvent e) {
        return e.lab() + " " + e.model() + " (" + e.date().map(Object::toString).orElse("date unknown") + ")";
    }

    static String collision(StoredCollision c) {
        return event(c.a()) + " and " + event(c.b()) + ", " + tierLabel(c.tier())
                + c.gapDays().map(g -> ", " + g + (g == 1 ? " day" : " days") + " apart").orElse("")
                + (c.reported() ? ", reported as simultaneous" : "")
                + (c.isActive() ? "" : " [retracted]");
    }

    static String title(StoredCollision c) {
        return "Collision: " + c.a().lab() + " " + c.a().model() + " and " + c.b().lab() + " " + c.b().model();
    }

    static String tierLabel(String tier) {
        return Arrays.stream(Tier.values()).filter(t -> t.name().equals(tier)).findFirst().map(Tier::label)
                .orElse(tier);
    }
}
