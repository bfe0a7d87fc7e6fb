package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;

/** One-line human descriptions shared by the page, the Atom feed and the calendar (plain text, not escaped). */
final class Describe {
    private Describe() {
    }

    static String event(StoredEvent e) {
        return e.lab() + " " + e.model() + " (" + e.date().map(Object::toString).orElse("date unknown") + ")";
    }

    static String collision(StoredCollision c) {
        return event(c.a()) + " and " + event(c.b()) + ", " + c.tier().label()
                + c.gapDays().map(g -> ", " + g + (g == 1 ? " day" : " days") + " apart").orElse("")
                + (c.reported() ? ", reported as simultaneous" : "")
                + (c.isActive() ? "" : " [retracted]");
    }

    static String title(StoredCollision c) {
        return "Collision: " + c.a().lab() + " " + c.a().model() + " and " + c.b().lab() + " " + c.b().model();
    }

}
