package dev.collide.cli;

import dev.collide.store.ArchiveQuery;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The filters every archive command takes. */
final class ArchiveOptions {
    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only from this date on (inclusive).")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only up to this date (inclusive).")
    LocalDate until;

    @Option(names = "--lab", paramLabel = "ID", description = "Only this lab (an id from config/labs.yml).")
    String lab;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (1-1000, default 100).")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = FormatConverter.class)
    OutputFormat format;

    ArchiveQuery query() {
        return new ArchiveQuery(Optional.ofNullable(since), Optional.ofNullable(until), Optional.ofNullable(lab),
                Optional.empty(), limit, 0);
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "table" -> OutputFormat.TABLE;
                case "json" -> OutputFormat.JSON;
                case "csv" -> OutputFormat.CSV;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a format; use table, json or csv");
            };
        }
    }
}
