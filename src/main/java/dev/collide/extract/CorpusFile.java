package dev.collide.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.extract.CorpusEvaluation.Gold;
import dev.collide.extract.CorpusEvaluation.Passage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a corpus file: one JSON passage per line (the schema of shared/corpus/realtext/README.md). */
public final class CorpusFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusFile() {
    }

    /** Throws IllegalArgumentException naming the file and line of the first malformed passage. */
    public static List<Passage> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Passage> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            try {
                out.add(passage(JSON.readTree(lines.get(n))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": not a corpus passage (" + e.getMessage()
                        + "); each line must be one JSON object with id, published, text and gold");
            }
        }
        return out;
    }

    private static Passage passage(JsonNode node) {
        List<Gold> gold = new ArrayList<>();
        for (JsonNode g : required(node, "gold")) {
            Precision precision = Precision.valueOf(required(g, "precision").asText().toUpperCase(Locale.ROOT));
            List<LocalDate> alts = new ArrayList<>();
            g.path("alt_dates").forEach(a -> alts.add(date(a.asText())));
            gold.add(new Gold(required(g, "lab").asText(), required(g, "model").asText(),
                    date(required(g, "date").asText()), precision, alts, g.path("optional").asBoolean(false)));
        }
        return new Passage(required(node, "id").asText(), node.path("source").asText(""),
                LocalDate.parse(required(node, "published").asText()), node.path("kind").asText(""),
                node.path("title").asText(""), required(node, "text").asText(), gold);
    }

    /** "2025-09-29", or "2025-09" for a month. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return YearMonth.parse(text).atDay(1);
        }
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return v;
    }
}
