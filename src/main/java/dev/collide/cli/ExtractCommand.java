package dev.collide.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder: the extraction issue fills this in. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the mentions, release dates and co-releases found in a text, as JSON.")
public final class ExtractCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        main.loadConfig();
        return 0;
    }
}
