package dev.collide.web;

import dev.collide.store.StoredCollision;
import java.util.List;

/** Collisions as CSV (RFC 4180: CRLF, fields quoted when needed) for spreadsheets. */
final class CsvExport {
    static final String HEADER = "id,labA,modelA,dateA,labB,modelB,dateB,gapDays,tier,rivalry,reported,status,"
            + "createdAt,updatedAt";

    private CsvExport() {
    }

    static String render(List<StoredCollision> collisions) {
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
    static String cell(String s) {
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
