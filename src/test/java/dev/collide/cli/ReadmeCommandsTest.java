package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #14 item 4: every command the README shows exists as written. Each {@code collide ...} line (in code spans,
 * code blocks and the commands table) must name existing subcommands and options; a code-block line without
 * placeholders must also parse, values included.
 */
class ReadmeCommandsTest {
    private static final Pattern SPAN = Pattern.compile("`(collide [^`]+)`");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z-]+(?: [^`]*)?)` \\|");

    @Test
    void readme_everyCommandShown_namesExistingCommandsAndOptions() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        boolean inBlock = false;
        boolean inCommandTable = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                int at = line.indexOf("collide ");
                if (line.strip().startsWith("collide ") || line.matches("^[A-Z_]+=\\S+ collide .*")) {
                    String command = line.substring(at + "collide ".length()).replaceAll("\\s+#.*$", "").strip();
                    check(command, !command.matches(".*[\\[<|].*|.*\\.\\.\\..*"), problems);
                    checked.add(command);
                }
                continue;
            }
            inCommandTable = line.startsWith("| command |") || (inCommandTable && line.startsWith("|"));
            Matcher row = TABLE_ROW.matcher(line);
            if (inCommandTable && row.find()) {
                check(row.group(1).replace("\\|", "|"), false, problems);
                checked.add(row.group(1));
            }
            Matcher span = SPAN.matcher(line);
            while (span.find()) {
                String command = span.group(1).substring("collide ".length()).replace("\\|", "|");
                check(command, false, problems);
                checked.add(command);
            }
        }
        assertThat(checked).hasSizeGreaterThan(20).contains("demo", "backup --list");
        assertThat(problems).isEmpty();
    }

    /** Walks the words against the command tree; {@code parse}: the whole line must also parse as given. */
    private static void check(String command, boolean parse, List<String> problems) {
        if (command.startsWith("<command>")) {
            return;
        }
        CommandLine cli = Main.newCommandLine();
        CommandLine current = cli;
        boolean first = true;
        boolean afterOption = false;
        for (String word : command.replace("[", " ").replace("]", " ").strip().split("\\s+")) {
            List<String> alternatives = Arrays.asList(word.split("\\|"));
            for (String alt : alternatives) {
                String name = alt.contains("=") ? alt.substring(0, alt.indexOf('=')) : alt;
                if (name.startsWith("-")) {
                    if (current.getCommandSpec().findOption(name) == null) {
                        problems.add("'collide " + command + "': " + current.getCommandName() + " has no " + name);
                    }
                } else if (current.getSubcommands().containsKey(name)) {
                    if (alternatives.size() == 1) {
                        current = current.getSubcommands().get(name);
                    }
                } else if (first || (!afterOption && !current.getSubcommands().isEmpty()
                        && !name.matches("[A-Z0-9_.-]+|\\.\\.\\."))) {
                    problems.add("'collide " + command + "': no command " + name);
                }
            }
            first = false;
            afterOption = word.startsWith("-");
        }
        if (parse) {
            try {
                cli.parseArgs(command.split("\\s+"));
            } catch (CommandLine.ParameterException e) {
                problems.add("'collide " + command + "' does not parse: " + e.getMessage());
            }
        }
    }
}
