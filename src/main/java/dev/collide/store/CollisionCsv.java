package dev.collide.store;

import java.util.List;

/**
 * Collisions as CSV (RFC 4180: CRLF, fields quoted when needed) for spreadsheets: the one writer behind
 * {@code /api/collisions.csv} and {@code collide collisions --format csv}, so both have the same columns (issue #14).
 */
public final class CollisionCsv {
    public static final String HEADER = "id,labA,modelA,dateA,labB,modelB,dateB,gapDays,tier,rivalry,reported,status,"
            + "createdAt,updatedAt";

    private CollisionCsv() {
    }

    public static String render(List<StoredCollision> collisions) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (StoredCollision c : collisions) {
            out.append(String.join(",", List.of(c.id(), cell(c.a().lab()), cell(c.a().model()),
                    c.a().date().map(Object::toString).orElse(""), cell(c.b().lab()), cell(c.b().model()),
                    c.b().date().map(Object::toString).orElse(""), c.gapDays().map(Object::toString).orElse(""),
                    c.tier(), String.valueOf(c.rivalry()), String.valueOf(c.reported()), c.status(),
                    c.createdAt().toString(), c.updatedAt().toString()))).append("\r\n");
        }
        return out.toString();
    }

    /** Quotes when needed; a feed-supplied text starting like a formula gets a leading ' so no sheet runs it. */
    public static String cell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
