package dev.collide.extract;

import dev.collide.config.ConfigException;
import dev.collide.config.ConfigLoader;
import dev.collide.config.Lab;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores an {@link Extractor} against the labelled set of src/test/resources/extract/eval (format in its README):
 * precision and recall of model names, release classification, exact and day-exact dates (issue #3 targets: names
 * P >= 0.97, R >= 0.93; day-exact >= 0.90). {@link #main} prints the report.
 */
public final class Evaluation {
    /** The default set, relative to the project root. */
    public static final Path DEFAULT_SET = Path.of("src/test/resources/extract/eval/sentences.tsv");

    private record Expected(String lab, String modelId, boolean release, Optional<ReleaseDate> date) {
    }

    /** Counts and the misses, one line each, for reading. */
    public record Report(int items, int nameTp, int nameFp, int nameFn, int releaseRight, int releaseJudged,
                         int releaseTp, int releaseFp, int releaseFn, int datesRight, int datesJudged,
                         int dayDatesRight, int dayDatesJudged, List<String> errors) {
        public Report {
            errors = List.copyOf(errors);
        }

        public double namePrecision() {
            return ratio(nameTp, nameTp + nameFp);
        }

        public double nameRecall() {
            return ratio(nameTp, nameTp + nameFn);
        }

        public double releaseAccuracy() {
            return ratio(releaseRight, releaseJudged);
        }

        public double releasePrecision() {
            return ratio(releaseTp, releaseTp + releaseFp);
        }

        public double releaseRecall() {
            return ratio(releaseTp, releaseTp + releaseFn);
        }

        public double dateAccuracy() {
            return ratio(datesRight, datesJudged);
        }

        public double dayExactAccuracy() {
            return ratio(dayDatesRight, dayDatesJudged);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }

        /** A printable table. */
        public String toTable() {
            return String.format("""
                    extraction evaluation: %d items
                    metric                      value   counts
                    model names precision      %6.3f   %d/%d
                    model names recall         %6.3f   %d/%d
                    release accuracy           %6.3f   %d/%d
                    release precision          %6.3f   %d/%d
                    release recall             %6.3f   %d/%d
                    dates exact (date+prec.)   %6.3f   %d/%d
                    day-exact dates            %6.3f   %d/%d
                    """, items, namePrecision(), nameTp, nameTp + nameFp, nameRecall(), nameTp, nameTp + nameFn,
                    releaseAccuracy(), releaseRight, releaseJudged, releasePrecision(), releaseTp,
                    releaseTp + releaseFp, releaseRecall(), releaseTp, releaseTp + releaseFn, dateAccuracy(),
                    datesRight, datesJudged, dayExactAccuracy(), dayDatesRight, dayDatesJudged);
        }
    }

    private Evaluation() {
    }

    /** Scores {@code extractor} on the lines of a set file. Throws IllegalArgumentException on a malformed line. */
    public static Report evaluate(Extractor extractor, List<String> lines) {
        int items = 0;
        int nameTp = 0, nameFp = 0, nameFn = 0, relRight = 0, relJudged = 0, relTp = 0, relFp = 0, relFn = 0;
        int datesRight = 0, datesJudged = 0, dayRight = 0, dayJudged = 0;
        List<String> errors = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IllegalArgumentException("eval line " + (n + 1) + ": expected 4 tab-separated columns, got "
                        + cols.length);
            }
            items++;
            Article article = article(n + 1, cols[0], cols[1], cols[2]);
            Map<String, Expected> expected = parseExpected(n + 1, cols[3]);
            Map<String, Mention> found = new HashMap<>();
            for (Mention m : extractor.extract(article).mentions()) {
                found.put(m.lab() + "|" + m.modelId(), m);
            }
            for (var e : expected.entrySet()) {
                Mention m = found.get(e.getKey());
                Expected x = e.getValue();
                if (m == null) {
                    nameFn++;
                    errors.add("line " + (n + 1) + " missed " + e.getKey() + ": " + cols[2]);
                    continue;
                }
                nameTp++;
                relJudged++;
                if (m.release() == x.release()) {
                    relRight++;
                } else {
                    errors.add("line " + (n + 1) + " " + e.getKey() + " release=" + m.release() + ": " + cols[2]);
                }
                relTp += m.release() && x.release() ? 1 : 0;
                relFp += m.release() && !x.release() ? 1 : 0;
                relFn += !m.release() && x.release() ? 1 : 0;
                if (x.release() && m.release() && x.date().isPresent()) {
                    ReleaseDate want = x.date().get();
                    ReleaseDate got = m.date();
                    boolean exact = got.date().equals(want.date()) && (got.precision() == want.precision()
                            || got.isDayExact() && want.isDayExact());
                    datesJudged++;
                    datesRight += exact ? 1 : 0;
                    if (want.precision() == Precision.DAY) {
                        dayJudged++;
                        dayRight += exact ? 1 : 0;
                    }
                    if (!exact) {
                        errors.add("line " + (n + 1) + " " + e.getKey() + " date " + got + " want " + want + ": "
                                + cols[2]);
                    }
                }
            }
            for (String key : found.keySet()) {
                if (!expected.containsKey(key)) {
                    nameFp++;
                    errors.add("line " + (n + 1) + " extra " + key + ": " + cols[2]);
                }
            }
        }
        return new Report(items, nameTp, nameFp, nameFn, relRight, relJudged, relTp, relFp, relFn, datesRight,
                datesJudged, dayRight, dayJudged, errors);
    }

    private static Article article(int line, String date, String source, String text) {
        var at = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        ArticleKind kind = source.startsWith("lab:") ? ArticleKind.LAB_POST : ArticleKind.NEWS;
        Optional<String> lab = source.startsWith("lab:") ? Optional.of(source.substring(4)) : Optional.empty();
        return new Article("eval", "eval:" + line, Optional.of(URI.create("https://eval.invalid/" + line)), "", text,
                Optional.of(at), kind, lab, List.of());
    }

    private static Map<String, Expected> parseExpected(int line, String column) {
        Map<String, Expected> out = new HashMap<>();
        if (column.equals("-")) {
            return out;
        }
        for (String item : column.split(";")) {
            String[] f = item.split("\\|");
            boolean release = f.length > 2 && f[2].equals("R");
            if (f.length != (release ? 5 : 3)) {
                throw new IllegalArgumentException("eval line " + line + ": malformed mention '" + item + "'");
            }
            Optional<ReleaseDate> date = Optional.empty();
            if (release) {
                Precision p = Precision.valueOf(f[4]);
                date = Optional.of(switch (p) {
                    case MONTH -> ReleaseDate.ofMonth(YearMonth.parse(f[3]));
                    case WEEK -> ReleaseDate.ofWeek(LocalDate.parse(f[3]));
                    default -> ReleaseDate.ofDay(LocalDate.parse(f[3]));
                });
            }
            out.put(f[0] + "|" + f[1], new Expected(f[0], f[1], release, date));
        }
        return out;
    }

    /** {@code Evaluation [SET.tsv] [--errors]}: prints the report for config/labs.yml. */
    public static void main(String[] args) throws IOException, ConfigException {
        Path set = args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0]) : DEFAULT_SET;
        List<Lab> labs = ConfigLoader.fromEnvironment().loadLabs(Path.of("config"));
        Report report = evaluate(new DictionaryExtractor(labs), Files.readAllLines(set, StandardCharsets.UTF_8));
        System.out.print(report.toTable());
        if (List.of(args).contains("--errors")) {
            report.errors().forEach(System.out::println);
        }
    }
}
