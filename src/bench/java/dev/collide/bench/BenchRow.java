package dev.collide.bench;

/**
 * One line of the benchmark table: what was measured, the product's figure, and the baseline measured in the same
 * run on the same machine ("-" where there is none), with a note on the target or method.
 */
public record BenchRow(String what, String figure, String baseline, String note) {
    public static String table(Iterable<BenchRow> rows) {
        StringBuilder out = new StringBuilder(String.format("%-44s %-22s %-26s %s%n", "measure", "collide",
                "baseline", "note"));
        for (BenchRow r : rows) {
            out.append(String.format("%-44s %-22s %-26s %s%n", r.what(), r.figure(), r.baseline(), r.note()));
        }
        return out.toString();
    }
}
