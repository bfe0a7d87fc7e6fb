package dev.collide.cli;

import dev.collide.store.Backups;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide compact}: the embedded H2 file rewritten without its dead space. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite the embedded H2 archive without its dead space (H2 SHUTDOWN COMPACT). Stop the daemon"
                + " first: the file must not be in use.")
public final class CompactCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long[] sizes = Backups.compact(main.loadConfigWithoutSources().database());
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "compacted: %,d KB -> %,d KB",
                sizes[0] >> 10, sizes[1] >> 10));
        return 0;
    }
}
