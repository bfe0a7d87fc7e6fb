package dev.collide.store;

import java.util.List;

/**
 * The one CSV writer (RFC 4180: fields quoted when needed, CRLF line ends) behind {@code /api/collisions.csv} and
 * every {@code --format csv} of the CLI, so both neutralise spreadsheet formulas by the same rule (issue 14 item 9:
 * before, the CLI's copy left a leading tab or CR alone).
 */
public final class Csv {
    /**
     * OWASP "CSV Injection": a cell starting with one of these is read as a formula by Excel, LibreOffice or Google
     * Sheets (tab and CR too, since sheets strip them before looking).
     */
    static final String FORMULA_START = "=+-@\t\r";

    private Csv() {
    }

    /** One record and its CRLF; every field goes through {@link #cell}. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(cell(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** A text that starts like a formula gets a leading {@code '} so no sheet runs it; quoted when needed. */
    public static String cell(String s) {
        String v = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
