package dev.collide.detect;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which launch a piece of evidence belongs to (issue 13). Sizes, quantisations and Base/Instruct variants stay in
 * their launch's family; point releases and updates ({@code -0324}, {@code -2507}, {@code -Lite}, {@code -Preview},
 * {@code -Exp}, {@code -Terminus}, "the updated version of X") are launches of their own, so they never move the
 * original's date. Generic tokens (a size alone, an app name, a lab name alone) are no launch at all.
 */
final class Launches {
    /**
     * Variant words the extractor may leave out of the family that still name a launch of their own. "mini" is a
     * tier labs ship apart from the full model (o3-mini months before o3); when both come the same day, EventBuilder
     * makes them one launch again.
     */
    private static final Set<String> OWN_LAUNCH = Set.of("lite", "preview", "exp", "experimental", "terminus",
            "mini");
    private static final Set<String> APP_WORDS = Set.of("chat", "app", "api", "assistant", "web", "platform",
            "studio", "cloud", "agent");
    private static final Pattern SIZE = Pattern.compile("(\\d+x)?\\d+(\\.\\d+)?[bmkt]");
    private static final Pattern POINT_DATE = Pattern.compile("\\d{4}");
    private static final Pattern UPDATE_TAIL = Pattern.compile("(^|-)update-\\d{4}-\\d{2}$");
    private static final Pattern UPDATE = Pattern.compile(
            "(updated|upgraded|new|refreshed|improved|latest) (version|release|checkpoint|iteration) of (the )?$"
                    + "|(update|upgrade|refresh) (to|of) (the )?$");

    private Launches() {
    }

    /** The family this evidence's launch is keyed by, or empty when the name is no release at all. */
    static Optional<String> familyOf(Evidence e) {
        String family = e.family().toLowerCase(Locale.ROOT);
        String id = e.modelId().toLowerCase(Locale.ROOT);
        if (isGeneric(family, e.lab()) || isGeneric(id, e.lab())) {
            return Optional.empty();
        }
        StringBuilder launch = new StringBuilder(e.family());
        if (id.startsWith(family) && id.length() > family.length()) {
            String familyTail = "-" + family + "-";
            for (String token : id.substring(family.length()).split("[-_ ]")) {
                boolean own = OWN_LAUNCH.contains(token) || POINT_DATE.matcher(token).matches();
                if (own && !familyTail.contains("-" + token + "-")) {
                    launch.append('-').append(token);
                    familyTail = familyTail + token + "-";
                }
            }
        }
        if (isUpdate(e)) {
            launch.append("-update-").append(e.date().earliest().getYear()).append('-')
                    .append(String.format(Locale.ROOT, "%02d", e.date().earliest().getMonthValue()));
        }
        return Optional.of(launch.toString());
    }

    /**
     * Whether {@code launch} is a key {@link #familyOf} may give evidence of the extractor's {@code family}: the
     * family itself, or it followed by own-launch words, point dates and an "-update-YYYY-MM" tail.
     */
    static boolean isLaunchOf(String launch, String family) {
        if (launch.equals(family)) {
            return true;
        }
        if (!launch.startsWith(family + "-")) {
            return false;
        }
        String tail = UPDATE_TAIL.matcher(launch.substring(family.length() + 1)).replaceFirst("");
        for (String token : tail.split("-")) {
            if (!token.isEmpty() && !OWN_LAUNCH.contains(token) && !POINT_DATE.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A size alone ("7B"), the lab's name alone, or a brand with an app word and no version ("Qwen Chat"). */
    static boolean isGeneric(String name, String lab) {
        String n = name.strip();
        if (n.isEmpty() || SIZE.matcher(n).matches() || n.equals(lab.toLowerCase(Locale.ROOT))) {
            return true;
        }
        boolean hasDigit = n.chars().anyMatch(Character::isDigit);
        if (hasDigit) {
            return false;
        }
        String[] words = n.split("[-_ ]+");
        return words.length >= 2 && APP_WORDS.contains(words[words.length - 1]);
    }

    /** "the updated version of Qwen3-235B-A22B": the sentence says this release updates an earlier one. */
    private static boolean isUpdate(Evidence e) {
        String sentence = e.sentence().toLowerCase(Locale.ROOT);
        int at = sentence.indexOf(e.model().toLowerCase(Locale.ROOT));
        if (at < 0) {
            return false;
        }
        String before = sentence.substring(Math.max(0, at - 40), at);
        return UPDATE.matcher(before).find();
    }
}
