package dev.collide.store;

import java.util.List;
import java.util.Objects;

/**
 * Collisions as CSV for spreadsheets, written by {@link Csv}: the columns of {@code /api/collisions.csv} and of
 * {@code collide collisions --format csv} (stored or re-detected with {@code --window}) and {@code collide demo
 * --format csv}, all from the same {@link CollisionView} (issue #14).
 */
public final class CollisionCsv {
    public static final String HEADER = "id,labA,modelA,dateA,labB,modelB,dateB,gapDays,tier,rivalry,reported,status,"
            + "createdAt,updatedAt";

    private CollisionCsv() {
    }

    public static String render(List<CollisionView> collisions) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CollisionView c : collisions) {
            out.append(Csv.line(List.of(c.id(), c.a().lab(), c.a().model(), text(c.a().date()), c.b().lab(),
                    c.b().model(), text(c.b().date()), text(c.gapDays()), c.tier(), String.valueOf(c.rivalry()),
                    String.valueOf(c.reported()), c.status(), text(c.createdAt()), text(c.updatedAt()))));
        }
        return out.toString();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
