package dev.collide.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.collide.store.Csv;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows with named columns, printed as a table, CSV (the store's {@link Csv} writer, as the API's CSV) or JSON. JSON
 * rows are records or maps that Jackson serialises and may carry nested objects the table flattens.
 */
final class Tabular {
    /** Built on first JSON output: a table or CSV query then loads no Jackson (about 0.1 s of start-up). */
    static ObjectMapper json() {
        return JsonHolder.MAPPER;
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final List<String> columns;
    private final List<List<String>> cells = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();

    Tabular(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** One row: the flat cells for table/CSV, and the object for JSON. */
    void add(List<String> row, Object json) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + columns.size());
        }
        cells.add(List.copyOf(row));
        objects.add(json);
    }

    int size() {
        return cells.size();
    }

    void print(PrintWriter out, OutputFormat format) {
        switch (format) {
            case JSON -> {
                try {
                    out.println(json().writeValueAsString(objects));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("rows are records and maps of plain values and always serialise",
                            e);
                }
            }
            case CSV -> {
                out.print(Csv.line(columns));
                cells.forEach(row -> out.print(Csv.line(row)));
            }
            case TABLE -> printTable(out);
        }
        out.flush();
    }

    private void printTable(PrintWriter out) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
            for (List<String> row : cells) {
                width[i] = Math.min(60, Math.max(width[i], row.get(i).length()));
            }
        }
        out.println(tableLine(columns, width));
        for (List<String> row : cells) {
            out.println(tableLine(row, width));
        }
    }

    private static String tableLine(List<String> row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i).replaceAll("[\\r\\n\\t]+", " ");
            if (cell.length() > width[i]) {
                cell = cell.substring(0, width[i] - 1) + "…";
            }
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cell));
        }
        return line.toString().stripTrailing();
    }
}
