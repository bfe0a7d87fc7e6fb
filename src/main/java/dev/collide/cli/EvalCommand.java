package dev.collide.cli;

import dev.collide.config.ConfigException;
import dev.collide.extract.CorpusEvaluation;
import dev.collide.extract.CorpusFile;
import dev.collide.extract.CorpusSplit;
import dev.collide.extract.DictionaryExtractor;
import dev.collide.extract.ReleaseModel;
import dev.collide.extract.ReleaseModelTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collide eval FILE.jsonl}: scores the extractor on real passages with gold release tuples (the schema of
 * shared/corpus/realtext), as a table with the misses per passage, or as JSON; {@code --split dev|held-out} scores
 * one part of the corpus split by source site ({@link CorpusSplit}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the extractor on a corpus of passages with gold release tuples (JSON lines).")
public final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "The corpus: one JSON passage per line.")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (figures, then the misses per passage) or json.")
    String format;

    @Option(names = "--no-misses", description = "Print the figures only.")
    boolean noMisses;

    @Option(names = "--split", defaultValue = "all", paramLabel = "dev|held-out|all",
            description = "Score only the dev or the held-out passages (split by source site, see CorpusSplit).")
    String split;

    @Option(names = "--folds", paramLabel = "K",
            description = "Score by K-fold cross-validation by source site: each fold by a release model trained on "
                    + "the others (instead of the rules alone).")
    Integer folds;

    @Option(names = "--train", paramLabel = "OUT.tsv",
            description = "Train the release model on the passages of --split and write its weights to OUT.tsv "
                    + "(score it with --model; none is bundled).")
    Path trainOut;

    @Option(names = "--model", paramLabel = "MODEL.tsv",
            description = "Score with the release model in MODEL.tsv (as written by --train) with the rules.")
    Path modelFile;

    @Override
    public Integer call() throws ConfigException {
        if (!format.equals("table") && !format.equals("json")) {
            spec.commandLine().getErr().println("error: --format must be table or json, not '" + format + "'");
            return Main.EXIT_CONFIG;
        }
        CorpusSplit part;
        try {
            part = CorpusSplit.parse(split);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        var labs = main.loader().loadLabs(main.configDir());
        var conferences = main.loader().loadConferences(main.configDir());
        if (folds != null && folds < 2) {
            spec.commandLine().getErr().println("error: --folds must be 2 or more, not " + folds);
            return Main.EXIT_CONFIG;
        }
        CorpusEvaluation.Report report;
        try {
            var passages = part.select(CorpusFile.read(file));
            var training = new ReleaseModelTraining(labs, conferences);
            if (trainOut != null) {
                training.train(passages).write(trainOut, "trained by collide eval --train on "
                        + passages.size() + " passages of " + file.getFileName() + " (--split " + split + ")");
                spec.commandLine().getErr().println("release model written to " + trainOut);
            }
            report = folds != null ? training.crossValidate(passages, folds)
                    : new CorpusEvaluation(modelFile == null ? new DictionaryExtractor(labs, conferences)
                            : DictionaryExtractor.withModel(labs, conferences, ReleaseModel.read(modelFile)), labs)
                            .evaluate(passages);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read " + file + ": " + e.getMessage());
            return Main.EXIT_CONFIG;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        if (format.equals("json")) {
            try {
                spec.commandLine().getOut().println(Tabular.json().writeValueAsString(new Json(report)));
            } catch (IOException e) {
                throw new IllegalStateException("JSON of plain records cannot fail", e);
            }
        } else {
            spec.commandLine().getOut().print(report.toTable(!noMisses));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The JSON document: figures by name, then the counts and misses. */
    record Json(double strictPrecision, double strictRecall, double lenientPrecision, double lenientRecall,
                double dayExact, int falseReleasesOnNoRelease, CorpusEvaluation.Report counts) {
        Json(CorpusEvaluation.Report r) {
            this(r.strictPrecision(), r.strictRecall(), r.lenientPrecision(), r.lenientRecall(), r.dayExact(),
                    r.falseReleasesOnNoRelease(), r);
        }
    }
}
