package dev.collide.cli;

import dev.collide.store.ArticleView;
import dev.collide.store.CollisionView;
import dev.collide.store.EventView;
import dev.collide.store.StoredArticle;
import dev.collide.store.StoredEvent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns archive records into the rows the commands print. JSON rows are the store's view records, so
 * {@code --format json} has the API's field names and shapes (README, "Archive server and API").
 */
final class Rows {
    static final List<String> COLLISION_COLUMNS = List.of("id", "lab A", "model A", "date A", "lab B", "model B",
            "date B", "gap", "tier", "flags");
    static final List<String> EVENT_COLUMNS = List.of("id", "lab", "model", "date", "precision", "confidence",
            "sources");
    static final List<String> ARTICLE_COLUMNS = List.of("id", "source", "published", "title", "link");

    private Rows() {
    }

    static void addCollision(Tabular t, CollisionView c) {
        t.add(List.of(c.id(), c.a().lab(), c.a().model(), text(c.a().date()), c.b().lab(), c.b().model(),
                text(c.b().date()), c.gapDays() == null ? "?" : c.gapDays() + "d", c.tier(),
                flags(c.rivalry(), c.reported(), !"ACTIVE".equals(c.status()))), c);
    }

    static void addEvent(Tabular t, StoredEvent e) {
        t.add(List.of(e.id(), e.lab(), e.model(), e.date().map(Object::toString).orElse(""), e.precision().orElse(""),
                String.format(Locale.ROOT, "%.2f", e.confidence()), Integer.toString(e.sourceCount())),
                EventView.of(e));
    }

    static void addArticle(Tabular t, StoredArticle a) {
        ArticleView v = ArticleView.of(a);
        t.add(List.of(Long.toString(a.id()), a.sourceId(), a.publishedAt().map(i -> i.toString().substring(0, 10))
                .orElse(""), a.title(), Objects.toString(v.link(), "")), v);
    }

    private static String flags(boolean rivalry, boolean reported, boolean retracted) {
        StringBuilder f = new StringBuilder();
        if (rivalry) {
            f.append("rivals ");
        }
        if (reported) {
            f.append("reported ");
        }
        if (retracted) {
            f.append("retracted");
        }
        return f.toString().trim();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
