package dev.collide.extract;

/**
 * A sentence saying two releases coincided ("released within hours of each other", "in the same week"). The two
 * sides are (lab, family) pairs as in {@link Mention}; {@code maxGapDays} is what the wording allows (0 for same day
 * or hours, 7 for same week).
 */
public record CoRelease(String labA, String familyA, String labB, String familyB, int maxGapDays, String evidence) {
    public CoRelease {
        if (labA.equals(labB) && familyA.equals(familyB)) {
            throw new IllegalArgumentException("a co-release needs two different releases: " + familyA);
        }
        if (maxGapDays < 0) {
            throw new IllegalArgumentException("maxGapDays must be >= 0: " + maxGapDays);
        }
    }
}
