package dev.collide.extract;

import dev.collide.config.ConfigLoader;
import dev.collide.config.Conference;
import dev.collide.config.Lab;
import dev.collide.extract.CorpusEvaluation.Gold;
import dev.collide.extract.CorpusEvaluation.Passage;
import dev.collide.extract.CorpusEvaluation.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;

/**
 * Trains the release model on passages with gold (issue #12 item 2) and measures it by k-fold cross-validation by
 * source site, so that no figure is read off the passages a model learned from. A name in a sentence is labelled a
 * release when the passage's gold (required or optional) has a tuple of that name: a name released in one sentence
 * and mentioned in another is labelled a release in both, which the per-article merge of mentions forgives.
 */
public final class ReleaseModelTraining {
    /** Fixed before tuning: enough epochs for a few thousand examples to settle, a light L2. */
    static final int EPOCHS = 40;
    static final double RATE = 0.05;
    static final double L2 = 1e-3;

    private final List<Lab> labs;
    private final List<Conference> conferences;

    /** With the conferences' editions the jar bundles (config/events.yml). */
    public ReleaseModelTraining(List<Lab> labs) {
        this(labs, ConfigLoader.bundledConferences());
    }

    /** Read with these conferences' editions, as {@code collide eval} reads the passages it scores. */
    public ReleaseModelTraining(List<Lab> labs, List<Conference> conferences) {
        this.labs = List.copyOf(labs);
        this.conferences = List.copyOf(conferences);
    }

    public ReleaseModel train(List<Passage> passages) {
        return ReleaseModel.train(examples(passages), EPOCHS, RATE, L2);
    }

    /** The names of every passage with their features, read with the rules alone, labelled by the gold. */
    List<ReleaseModel.Example> examples(List<Passage> passages) {
        CorpusEvaluation evaluation = new CorpusEvaluation(null, labs);
        List<ReleaseModel.Example> out = new ArrayList<>();
        for (Passage p : passages) {
            Map<String, List<ReleaseModel.Example>> byName = new LinkedHashMap<>();
            Map<String, Boolean> ruleFound = new HashMap<>();
            DictionaryExtractor reader = new DictionaryExtractor(labs, conferences, ReleaseModel.rulesOnly(),
                    (article, name, features, rule) -> {
                        String key = name.lab() + "/" + name.modelId();
                        boolean gold = isGold(p.gold(), name);
                        byName.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new ReleaseModel.Example(features, gold, rule));
                        ruleFound.merge(key, gold && rule, Boolean::logicalOr);
                    });
            reader.extract(evaluation.article(p));
            for (var e : byName.entrySet()) {
                for (ReleaseModel.Example x : e.getValue()) {
                    // A released name's sentences that the rules read as mentions, where another sentence of the
                    // passage reports the release, are most likely mentions: they teach nothing either way.
                    if (!(x.release() && !x.ruleRelease() && ruleFound.get(e.getKey()))) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isGold(List<Gold> gold, ModelName name) {
        for (Gold g : gold) {
            if (CorpusEvaluation.sameName(name.lab(), name.display(), name.modelId(), g)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each fold (passages whose source site hashes to it) is scored by a model trained on the other folds; the
     * folds' counts are summed.
     */
    public Report crossValidate(List<Passage> passages, int folds) {
        Report total = null;
        for (int fold = 0; fold < folds; fold++) {
            List<Passage> train = new ArrayList<>();
            List<Passage> test = new ArrayList<>();
            for (Passage p : passages) {
                (foldOf(p, folds) == fold ? test : train).add(p);
            }
            ReleaseModel model = train(train);
            Report r = new CorpusEvaluation(new DictionaryExtractor(labs, conferences, model, null), labs)
                    .evaluate(test);
            total = total == null ? r : total.plus(r);
        }
        return total;
    }

    static int foldOf(Passage p, int folds) {
        CRC32 crc = new CRC32();
        // a different hash input from CorpusSplit's, so folds cut across the dev/held-out split
        crc.update(("fold:" + CorpusSplit.site(p.source())).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }
}
