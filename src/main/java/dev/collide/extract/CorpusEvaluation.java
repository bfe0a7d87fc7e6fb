package dev.collide.extract;

import dev.collide.config.Lab;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores an {@link Extractor} on real passages with gold release tuples (the schema of shared/corpus/realtext,
 * issue #12), by that corpus's rules: names compared lower-case on letters, digits and dots, a substring either way;
 * a date right at the gold precision (day: that day or an {@code alt_dates} day; week: the same ISO week; month: the
 * same month); {@code optional} tuples neither required nor penalised.
 *
 * <p>Counting: a required tuple is found when some emitted release matches it (recall). An emitted release is
 * right when it matches any gold tuple of the passage, required or optional (so two variants of one gold family,
 * "Llama 3.1 8B" and "Llama 3.1 70B" for gold "Llama 3.1", are both right); it is neutral when it matches only
 * optional tuples; else it is a false release (precision). Strict compares lab, name and date; lenient lab and
 * name only.
 */
public final class CorpusEvaluation {
    /** One gold tuple. */
    public record Gold(String lab, String model, LocalDate date, Precision precision, List<LocalDate> altDates,
                       boolean optional) {
        public Gold {
            altDates = List.copyOf(altDates);
        }

        @Override
        public String toString() {
            String d = precision == Precision.MONTH ? YearMonth.from(date).toString() : date.toString();
            return lab + " " + model + " " + d + " " + precision.name().toLowerCase(Locale.ROOT)
                    + (optional ? " (optional)" : "");
        }
    }

    /** One passage of the corpus. */
    public record Passage(String id, String source, LocalDate published, String kind, String title, String text,
                          List<Gold> gold) {
        public Passage {
            gold = List.copyOf(gold);
        }

        boolean announcesNothing() {
            return gold.isEmpty();
        }
    }

    /** What went wrong in one passage. */
    public record Miss(String passage, List<String> expected, List<String> found, List<String> missed,
                       List<String> falseReleases) {
        public Miss {
            expected = List.copyOf(expected);
            found = List.copyOf(found);
            missed = List.copyOf(missed);
            falseReleases = List.copyOf(falseReleases);
        }
    }

    /** The counts; ratios are 1.0 when nothing was counted. */
    public record Report(int passages, int required, int strictFound, int strictRight, int strictEmitted,
                         int lenientFound, int lenientRight, int lenientEmitted, int dayJudged, int dayRight,
                         int noReleasePassages, int falseReleasesOnNoRelease, int noReleasePassagesHit,
                         List<Miss> misses) {
        public Report {
            misses = List.copyOf(misses);
        }

        public double strictPrecision() {
            return ratio(strictRight, strictEmitted);
        }

        public double strictRecall() {
            return ratio(strictFound, required);
        }

        public double lenientPrecision() {
            return ratio(lenientRight, lenientEmitted);
        }

        public double lenientRecall() {
            return ratio(lenientFound, required);
        }

        public double dayExact() {
            return ratio(dayRight, dayJudged);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }

        /** The counts of both reports added, their misses in order (k-fold folds summed). */
        public Report plus(Report o) {
            List<Miss> all = new ArrayList<>(misses);
            all.addAll(o.misses);
            return new Report(passages + o.passages, required + o.required, strictFound + o.strictFound,
                    strictRight + o.strictRight, strictEmitted + o.strictEmitted, lenientFound + o.lenientFound,
                    lenientRight + o.lenientRight, lenientEmitted + o.lenientEmitted, dayJudged + o.dayJudged,
                    dayRight + o.dayRight, noReleasePassages + o.noReleasePassages,
                    falseReleasesOnNoRelease + o.falseReleasesOnNoRelease,
                    noReleasePassagesHit + o.noReleasePassagesHit, all);
        }

        /** The figures as a table, then the misses per passage. */
        public String toTable(boolean withMisses) {
            return ReportTable.format(this, withMisses);
        }
    }

    private final Extractor extractor;
    private final List<Lab> labs;

    public CorpusEvaluation(Extractor extractor, List<Lab> labs) {
        this.extractor = extractor;
        this.labs = List.copyOf(labs);
    }

    public Report evaluate(List<Passage> passages) {
        int required = 0, strictFound = 0, strictRight = 0, strictEmitted = 0;
        int lenientFound = 0, lenientRight = 0, lenientEmitted = 0, dayJudged = 0, dayRight = 0;
        int noRelease = 0, falseOnNoRelease = 0, noReleaseHit = 0;
        List<Miss> misses = new ArrayList<>();
        for (Passage p : passages) {
            List<Mention> releases = extractor.extract(article(p)).mentions().stream()
                    .filter(Mention::release).toList();
            List<String> missed = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (Gold g : p.gold()) {
                if (g.optional()) {
                    continue;
                }
                required++;
                boolean named = releases.stream().anyMatch(m -> sameName(m, g));
                boolean dated = releases.stream().anyMatch(m -> sameName(m, g) && sameDate(m.date(), g));
                lenientFound += named ? 1 : 0;
                strictFound += dated ? 1 : 0;
                if (named && g.precision() == Precision.DAY) {
                    dayJudged++;
                    dayRight += dated ? 1 : 0;
                }
                if (!dated) {
                    missed.add(g + (named ? ", found with another date" : ""));
                }
            }
            for (Mention m : releases) {
                List<Gold> byName = p.gold().stream().filter(g -> sameName(m, g)).toList();
                List<Gold> byDate = byName.stream().filter(g -> sameDate(m.date(), g)).toList();
                if (byName.isEmpty() || !byName.stream().allMatch(Gold::optional)) {
                    lenientEmitted++;
                    lenientRight += byName.isEmpty() ? 0 : 1;
                }
                if (byDate.isEmpty() || !byDate.stream().allMatch(Gold::optional)) {
                    strictEmitted++;
                    strictRight += byDate.isEmpty() ? 0 : 1;
                }
                if (byDate.isEmpty() && !(byName.stream().allMatch(Gold::optional) && !byName.isEmpty())) {
                    wrong.add(describe(m));
                }
            }
            if (p.announcesNothing()) {
                noRelease++;
                falseOnNoRelease += releases.size();
                noReleaseHit += releases.isEmpty() ? 0 : 1;
            }
            if (!missed.isEmpty() || !wrong.isEmpty()) {
                misses.add(new Miss(p.id() + " (" + p.kind() + ", published " + p.published() + ", " + p.source()
                        + ")", p.gold().stream().map(Gold::toString).toList(),
                        releases.stream().map(CorpusEvaluation::describe).toList(), missed, wrong));
            }
        }
        return new Report(passages.size(), required, strictFound, strictRight, strictEmitted, lenientFound,
                lenientRight, lenientEmitted, dayJudged, dayRight, noRelease, falseOnNoRelease, noReleaseHit, misses);
    }

    /**
     * The passage as the pipeline would meet it: an item dated by its publication day, titled. A README or change
     * log in a repository of a lab's hub organisation is the lab's own post (a github-releases or github-org source
     * names its lab); everything else is news.
     */
    Article article(Passage p) {
        Optional<String> lab = labOfRepository(p.source());
        ArticleKind kind = lab.isPresent() ? ArticleKind.LAB_POST : ArticleKind.NEWS;
        return new Article("eval", p.id(), link(p.source()), p.title(), p.text(),
                Optional.of(p.published().atStartOfDay(ZoneOffset.UTC).toInstant()), kind, lab, List.of());
    }

    /** The passage's address when it is a web address (a reader sees it; the extractor may read its day). */
    private static Optional<java.net.URI> link(String source) {
        if (!source.startsWith("https://") && !source.startsWith("http://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.net.URI.create(source));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> labOfRepository(String source) {
        String owner;
        if (source.startsWith("github:")) {
            int slash = source.indexOf('/');
            owner = slash < 0 ? "" : source.substring("github:".length(), slash);
        } else {
            try {
                URI uri = URI.create(source);
                String[] path = uri.getPath() == null ? new String[0] : uri.getPath().split("/");
                if (!"github.com".equalsIgnoreCase(uri.getHost()) && !"huggingface.co".equalsIgnoreCase(uri.getHost())
                        || path.length < 2) {
                    return Optional.empty();
                }
                owner = path[1];
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        for (Lab lab : labs) {
            if (lab.hubOrgs().stream().anyMatch(owner::equalsIgnoreCase)) {
                return Optional.of(lab.id());
            }
        }
        return Optional.empty();
    }

    static boolean sameName(Mention m, Gold g) {
        return sameName(m.lab(), m.model(), m.modelId(), g);
    }

    static boolean sameName(String lab, String model, String modelId, Gold g) {
        if (!lab.equals(g.lab())) {
            return false;
        }
        String gold = normalise(g.model());
        for (String name : List.of(model, modelId)) {
            String n = normalise(name);
            if (!n.isEmpty() && !gold.isEmpty() && (n.contains(gold) || gold.contains(n))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, letters, digits and dots only (the corpus's rule). */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().filter(c -> Character.isLetterOrDigit(c) || c == '.')
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The emitted date is right at the gold's precision. */
    static boolean sameDate(ReleaseDate got, Gold g) {
        return switch (g.precision()) {
            case INSTANT, DAY -> got.isDayExact()
                    && (got.date().equals(g.date()) || g.altDates().contains(got.date()));
            case WEEK -> (got.isDayExact() || got.precision() == Precision.WEEK)
                    && (sameWeek(got.date(), g.date()) || g.altDates().stream().anyMatch(a -> sameWeek(got.date(), a)));
            case MONTH -> sameMonth(got, g.date()) || g.altDates().stream().anyMatch(a -> sameMonth(got, a));
        };
    }

    private static boolean sameWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** A day, or a month, inside the gold month; a week only when it lies wholly inside it. */
    private static boolean sameMonth(ReleaseDate got, LocalDate month) {
        YearMonth m = YearMonth.from(month);
        return YearMonth.from(got.earliest()).equals(m) && YearMonth.from(got.latest()).equals(m);
    }

    private static String describe(Mention m) {
        return m.lab() + " " + m.model() + " " + m.date();
    }
}
