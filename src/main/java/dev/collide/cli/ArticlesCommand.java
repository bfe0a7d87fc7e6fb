package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.StoredArticle;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide articles}: stored articles. */
@Command(name = "articles", mixinStandardHelpOptions = true, description = "List stored articles (newest first).")
public final class ArticlesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = {"-q", "--query"}, description = "Only articles whose title or text contains these words.")
    String text;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfigForQuery();
        ArchiveQuery base = Commands.query(spec, archive, config.labs());
        ArchiveQuery query = new ArchiveQuery(base.since(), base.until(), base.lab(), Optional.ofNullable(text),
                base.limit(), base.offset());
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            Tabular table = new Tabular(Rows.ARTICLE_COLUMNS);
            for (StoredArticle a : collide.articles().search(query)) {
                Rows.addArticle(table, a);
            }
            table.print(spec.commandLine().getOut(), archive.format);
        }
        return 0;
    }
}
