package dev.collide.source;

import dev.collide.config.Lab;
import dev.collide.config.SourceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which lab an organisation or an author name stands for, from config/labs.yml ({@code hubOrgs}, {@code aliases}).
 * Lookups ignore case: the Hub treats {@code qwen} and {@code Qwen} as one org. Immutable, thread-safe.
 */
public final class LabDirectory {
    private final Map<String, String> byOrg = new HashMap<>();
    private final Map<String, String> byAlias = new HashMap<>();

    public LabDirectory(List<Lab> labs) {
        for (Lab lab : labs) {
            lab.hubOrgs().forEach(org -> byOrg.putIfAbsent(org.toLowerCase(Locale.ROOT), lab.id()));
            byAlias.putIfAbsent(lab.name().toLowerCase(Locale.ROOT), lab.id());
            lab.aliases().forEach(alias -> byAlias.putIfAbsent(alias.toLowerCase(Locale.ROOT), lab.id()));
        }
    }

    /** The source's own {@code lab:} wins; else the lab whose hubOrgs list the organisation. */
    public Optional<String> labOfOrg(SourceConfig config, String org) {
        return config.lab().or(() -> Optional.ofNullable(byOrg.get(org.toLowerCase(Locale.ROOT))));
    }

    /** The lab an author or affiliation string names exactly ("DeepSeek-AI", "Moonshot AI"). */
    public Optional<String> labOfName(String name) {
        return Optional.ofNullable(byAlias.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
