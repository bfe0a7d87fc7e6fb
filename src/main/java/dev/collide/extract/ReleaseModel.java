package dev.collide.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Logistic regression over {@link ReleaseFeatures} (issue #12 item 2): the probability that a sentence reports the
 * release of the name. {@code collide eval --train} trains one on a corpus with gold, {@code --folds K} measures
 * one by cross-validation and {@code --model} scores a trained one. None is bundled today: by cross-validation on
 * the dev part of the real-text corpus it did not beat the rules (README, "Extraction on real text"); a model
 * bundled as {@code extract/release-model.tsv} would decide with the rules' verdict as one of its features.
 * Immutable after construction, so one instance serves all threads.
 */
public final class ReleaseModel {
    static final String RESOURCE = "/extract/release-model.tsv";
    /** Release when the probability reaches this; fixed before tuning, as the middle of the scale. */
    static final double THRESHOLD = 0.5;

    private final float[] weights;

    private ReleaseModel(float[] weights) {
        this.weights = weights;
    }

    /** A model that adds nothing to the rules: every weight zero except a rule-following one. */
    static ReleaseModel rulesOnly() {
        float[] w = new float[ReleaseFeatures.DIMENSION];
        w[ReleaseFeatures.index(1, "yes")] = 4;
        w[ReleaseFeatures.index(1, "no")] = -4;
        return new ReleaseModel(w);
    }

    /** The bundled model, read once per process; empty when the jar has none (the rules decide alone). */
    public static Optional<ReleaseModel> bundled() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final Optional<ReleaseModel> MODEL = readBundled();

        private static Optional<ReleaseModel> readBundled() {
            try (InputStream in = ReleaseModel.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Optional.empty() : Optional.of(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled release model " + RESOURCE, e);
            }
        }
    }

    /** A model written by {@link #write}. */
    public static ReleaseModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static ReleaseModel read(InputStream in) throws IOException {
        float[] w = new float[ReleaseFeatures.DIMENSION];
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            int index = Integer.parseInt(line.substring(0, tab));
            if (index < 0 || index >= w.length) {
                throw new IOException("release model: index " + index + " out of range in line '" + line + "'");
            }
            w[index] = Float.parseFloat(line.substring(tab + 1));
        }
        return new ReleaseModel(w);
    }

    /** Writes the non-zero weights, one "index TAB weight" per line, after a comment saying what made them. */
    public void write(Path file, String provenance) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Collide release model (logistic regression over ReleaseFeatures, " + ReleaseFeatures.BITS
                + "-bit hashed features)");
        lines.add("# " + provenance);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                lines.add(i + "\t" + String.format(Locale.ROOT, "%.4f", weights[i]));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    double probability(int[] features, int count) {
        double z = 0;
        for (int i = 0; i < count; i++) {
            z += weights[features[i]];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** One labelled name in one sentence. */
    record Example(int[] features, boolean release, boolean ruleRelease) {
    }

    /**
     * Plain stochastic gradient descent with L2, examples in their given order, a fixed number of epochs: the same
     * examples give the same weights on every machine.
     */
    static ReleaseModel train(List<Example> examples, int epochs, double rate, double l2) {
        float[] w = new float[ReleaseFeatures.DIMENSION];
        long positives = examples.stream().filter(Example::release).count();
        // Classes are weighed equally: mentions outnumber releases about two to one.
        double positiveWeight = positives == 0 ? 1 : (double) (examples.size() - positives) / positives;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double step = rate / (1 + epoch * 0.05);
            for (Example e : examples) {
                double p = new ReleaseModel(w).probability(e.features(), e.features().length);
                double gradient = (e.release() ? 1 : 0) - p;
                double scale = step * gradient * (e.release() ? positiveWeight : 1);
                for (int f : e.features()) {
                    w[f] += (float) (scale - step * l2 * w[f]);
                }
            }
        }
        return new ReleaseModel(w);
    }
}
