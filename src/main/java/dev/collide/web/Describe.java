package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.util.Map;
import java.util.function.Function;

/** One-line human descriptions shared by the page, the Atom feed and the calendar (plain text, not escaped). */
final class Describe {
    private Describe() {
    }

    static String event(StoredEvent e) {
        return e.lab() + " " + e.model() + " (" + e.date().map(Object::toString).orElse("date unknown") + ")";
    }

    /** "DeepSeek V4 (2026-04-24)": the lab by its name, and only when the model's name does not start with it. */
    static String event(StoredEvent e, Map<String, String> labNames) {
        return model(labNames.getOrDefault(e.lab(), e.lab()), e.model()) + " ("
                + e.date().map(Object::toString).orElse("date unknown") + ")";
    }

    /**
     * "DeepSeek V4", not "DeepSeek DeepSeek V4": the lab's name is left out when the model's name already starts with
     * its first word ("Mistral Large 3" of Mistral AI, "Qwen 3.5" of Qwen (Alibaba)).
     */
    static String model(String labName, String model) {
        String word = labName.split("[\\s(]+", 2)[0];
        boolean named = !word.isEmpty() && model.regionMatches(true, 0, word, 0, word.length())
                && (model.length() == word.length() || !Character.isLetterOrDigit(model.charAt(word.length())));
        return named ? model : labName + " " + model;
    }

    static String collision(StoredCollision c) {
        return collision(c, Describe::event);
    }

    /** The collision with each side written by {@code side}: its tier, gap, and whether reported or retracted. */
    static String collision(StoredCollision c, Function<StoredEvent, String> side) {
        return side.apply(c.a()) + " and " + side.apply(c.b()) + ", " + c.tier().label()
                + c.gapDays().map(g -> ", " + g + (g == 1 ? " day" : " days") + " apart").orElse("")
                + (c.reported() ? ", reported as simultaneous" : "")
                + (c.isActive() ? "" : " [retracted]");
    }

    static String title(StoredCollision c) {
        return "Collision: " + c.a().lab() + " " + c.a().model() + " and " + c.b().lab() + " " + c.b().model();
    }

}
