package dev.collide.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads config/labs.yml into {@link Lab}s. Every problem is a {@link ConfigException} naming the file and line. */
final class LabsReader {
    private LabsReader() {
    }

    static List<Lab> read(YamlMap root) throws ConfigException {
        root.rejectUnknown(root.file(), Set.of("labs"));
        List<Lab> labs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap entry : root.maps("labs")) {
            entry.rejectUnknown("a lab", Set.of("id", "name", "aliases", "brands", "models", "hubOrgs"));
            String id = entry.requiredString("id", "give the lab an id such as 'deepseek'");
            if (!SourceConfig.ID_PATTERN.matcher(id).matches()) {
                throw entry.error("id", "lab id '" + id + "' must use only a-z, 0-9 and '-'");
            }
            if (!ids.add(id)) {
                throw entry.error("id", "lab id '" + id + "' is defined twice; merge the two entries");
            }
            List<String> patterns = entry.strings("models");
            for (String p : patterns) {
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw entry.error("models", "model pattern '" + p + "' of lab '" + id + "' is not a valid regular"
                            + " expression: " + e.getDescription());
                }
            }
            labs.add(new Lab(id, entry.string("name").orElse(id), entry.strings("aliases"), entry.strings("brands"),
                    patterns, entry.strings("hubOrgs")));
        }
        if (labs.isEmpty()) {
            throw new ConfigException(root.file(), root.line(), "no labs defined; add a 'labs:' list");
        }
        return labs;
    }
}
