package dev.collide.extract;

import java.util.Set;

/**
 * The words a launch or an update puts around its model's name, for {@link ReleaseClassifier}: "Meet Kimi K9",
 * "Here is GPT-9", "Today we have DeepSeek-V9-0324", "Llama 9 is here"; "R9 has been upgraded to R9-0528" (the
 * new one is the name after "to"); "Claude 9 Sonnet received a substantial update in October". Thread-safe.
 */
final class LaunchFrames {
    private static final Set<String> FILLERS = Vocabulary.of("the", "new", "all-new", "our", "latest", "newest",
            "brand");
    private static final Set<String> NOW = Vocabulary.of("today", "now", "finally");
    private static final Set<String> RECEIVED = Vocabulary.of("received", "receives", "got", "gets", "getting",
            "gained");
    private static final Set<String> UPDATE_NOUNS = Vocabulary.of("update", "upgrade", "refresh", "overhaul");
    private static final Set<String> UPDATED = Vocabulary.of("updated", "upgraded", "refreshed");
    /** The words these frames test right before or after a name: a name beside none of them is skipped. */
    static final Set<String> FRAME_WORDS = Vocabulary.of("the", "new", "all-new", "our", "latest", "newest", "brand",
            "to", "here's", "is", "comes", "have", "are", "has", "just", "quietly", "received", "receives", "got",
            "gets", "getting", "gained", "was", "were", "been");

    private LaunchFrames() {
    }

    /**
     * The sentence presents the name as a launch does: it opens with "Meet" a few words before it ("Meet the new
     * Kimi K9"), says "say hello to", "here is", "here's", "here comes" or "today we have" right before it (a few
     * words like "the new" between), or has it "is here" / "are here" / "has arrived" right after it.
     */
    static boolean isPresented(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        if (w.text(0).equals("meet") && k >= 1 && k <= 4) {
            return true;
        }
        if (k >= 1 && (w.get(k - 1).bits() & Lexicon.FRAME) != 0 && isPresentedBefore(w, k)) {
            return true;
        }
        int after = w.indexAt(name.end());
        if (after >= w.size() || (w.get(after).bits() & Lexicon.FRAME) == 0) {
            return false;
        }
        String v = w.text(after);
        int p = after + (w.text(after + 1).equals("finally") || w.text(after + 1).equals("now") ? 2 : 1);
        return (v.equals("is") || v.equals("are")) && w.text(p).equals("here")
                || v.equals("has") && w.text(after + 1).equals("arrived");
    }

    /** "say hello to", "here is", "here's", "here comes", "today we have" before token {@code k}. */
    private static boolean isPresentedBefore(Words w, int k) {
        int lead = k - 1;
        while (lead >= 0 && lead >= k - 3 && FILLERS.contains(w.text(lead))) {
            lead--;
        }
        return w.text(lead).equals("to") && w.text(lead - 1).equals("hello") && w.text(lead - 2).equals("say")
                || w.text(lead).equals("here's")
                || (w.text(lead).equals("is") || w.text(lead).equals("comes")) && w.text(lead - 1).equals("here")
                || w.text(lead).equals("have") && w.text(lead - 1).equals("we") && (NOW.contains(w.text(lead - 2))
                || w.text(lead - 2).equals(",") && NOW.contains(w.text(lead - 3)));
    }

    /** "has been upgraded to R9-0528", "was updated to V9.1": the name after "to" is the new model. */
    static boolean isUpgradeTarget(Words w, ModelName name) {
        int k = w.indexAt(name.start());
        return w.text(k - 1).equals("to") && UPDATED.contains(w.text(k - 2));
    }

    /**
     * "Claude 9 Sonnet received a substantial update", "Gemini 9 Pro got an upgrade", "Kimi K9 was updated in
     * July": an update of the model, which the detector counts as a release of it (the corpus: an optional tuple).
     */
    static boolean isUpdated(Words w, ModelName name) {
        int k = w.indexAt(name.end());
        if (k >= w.size() || (w.get(k).bits() & Lexicon.FRAME) == 0) {
            return false;
        }
        if (w.text(k).equals("has") || w.text(k).equals("just") || w.text(k).equals("quietly")) {
            k++;
        }
        if (RECEIVED.contains(w.text(k))) {
            for (int j = k + 1; j <= k + 4 && j < w.size(); j++) {
                if (UPDATE_NOUNS.contains(w.text(j))) {
                    return true;
                }
            }
            return false;
        }
        boolean passive = w.text(k).equals("was") || w.text(k).equals("is") || w.text(k).equals("were")
                || w.text(k).equals("been");
        int v = passive && w.text(k + 1).equals("been") ? k + 2 : k + 1;
        // "was updated to V9.1" names the new model after it: the subject is the old one
        return passive && UPDATED.contains(w.text(v)) && !w.text(v + 1).equals("to");
    }
}
