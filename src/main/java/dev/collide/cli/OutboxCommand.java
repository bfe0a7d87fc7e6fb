package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.notify.OutboxEntry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide outbox}: what the notify stage has sent, will send, and gave up on; and retrying the last. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "List outgoing alerts (pending, sending, sent, failed), newest first; retry failed ones.")
public final class OutboxCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("id", "channel", "subject", "change", "status", "attempts",
            "next attempt", "sent at", "last error");

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only pending, sending, sent or failed.")
    String status;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default 100).")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default table).",
            converter = ArchiveOptions.FormatConverter.class)
    OutputFormat format;

    @ArgGroup(exclusive = true)
    Retry retry;

    static final class Retry {
        @Option(names = "--retry", paramLabel = "ID", description = "Make failed message ID pending again.")
        Long id;

        @Option(names = "--retry-failed", description = "Make every failed message pending again.")
        boolean all;

        @Option(names = "--deliver", description = "Send the due messages now, as the daemon does every 15 s.")
        boolean deliver;
    }

    @Override
    public Integer call() throws Exception {
        Optional<String> wanted = Optional.ofNullable(status).map(s -> s.toUpperCase(Locale.ROOT));
        if (wanted.isPresent() && !List.of("PENDING", "SENDING", "SENT", "FAILED").contains(wanted.get())) {
            throw new ParameterException(spec.commandLine(), "--status '" + status
                    + "' is not a status; use pending, sending, sent or failed");
        }
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000");
        }
        var config = main.loadConfigWithoutSources();
        var out = spec.commandLine().getOut();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            if (retry != null && retry.deliver) {
                if (collide.outboxChannels().isEmpty()) {
                    spec.commandLine().getErr().println("error: no alert channel is configured; set"
                            + " SLACK_WEBHOOK_URL or COLLIDE_WEBHOOK_URL and COLLIDE_WEBHOOK_SECRET (see notify.*)");
                    return Main.EXIT_CONFIG;
                }
                out.println(collide.delivery().deliverDue().line());
                return 0;
            }
            if (retry != null) {
                Optional<Long> id = Optional.ofNullable(retry.id);
                int changed = collide.outbox().retryFailed(id, collide.clock().instant());
                if (id.isPresent() && changed == 0) {
                    spec.commandLine().getErr().println("error: outbox message " + id.get()
                            + " is not failed (or does not exist); see 'collide outbox --status failed'");
                    return 1;
                }
                out.println(changed + " failed message(s) pending again; the running daemon sends them within"
                        + " 15 seconds");
                return 0;
            }
            Tabular table = new Tabular(COLUMNS);
            for (OutboxEntry e : collide.outbox().list(wanted, limit)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", e.id());
                json.put("channel", e.channel());
                json.put("dedupKey", e.dedupKey());
                json.put("subjectKind", e.subjectKind());
                json.put("subjectId", e.subjectId());
                json.put("change", e.change());
                json.put("status", e.status());
                json.put("attempts", e.attempts());
                json.put("nextAttemptAt", e.nextAttemptAt().toString());
                json.put("sentAt", e.sentAt().map(Object::toString).orElse(null));
                json.put("lastError", e.lastError().orElse(null));
                table.add(List.of(Long.toString(e.id()), e.channel(),
                        e.subjectKind().toLowerCase(Locale.ROOT) + " " + e.subjectId(), e.change(), e.status(),
                        Integer.toString(e.attempts()), e.status().equals("PENDING") ? e.nextAttemptAt().toString()
                                : "", e.sentAt().map(Object::toString).orElse(""), e.lastError().orElse("")), json);
            }
            table.print(out, format);
        }
        return 0;
    }
}
