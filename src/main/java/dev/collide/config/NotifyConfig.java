package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where alerts and digests go. {@code watch}: labs whose every new release is reported, not only collisions. A channel
 * is empty (off) when the environment variable its secret names is unset, so the shipped config needs no editing.
 * {@code lease}: how long a sender holds a claimed outbox row; a row claimed by a process that died is sent again
 * once it runs out, so it must be longer than {@code timeout} (a live sender never loses its claim).
 */
public record NotifyConfig(List<String> watch, Optional<Slack> slack, Optional<Email> email,
                           Optional<Webhook> webhook, URI archiveUrl, Duration timeout, Duration lease) {
    public NotifyConfig {
        watch = List.copyOf(watch);
        requireNonNull(slack, "slack");
        requireNonNull(email, "email");
        requireNonNull(webhook, "webhook");
        requireNonNull(archiveUrl, "archiveUrl");
        requireNonNull(timeout, "timeout");
        requireNonNull(lease, "lease");
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("the outbox lease (" + lease + ") must be longer than the send"
                    + " timeout (" + timeout + ")");
        }
    }

    /** A Slack incoming webhook; the URL is itself the credential. */
    public record Slack(Secret webhookUrl) {
        public Slack {
            requireNonNull(webhookUrl, "webhookUrl");
        }
    }

    /** The generic JSON webhook; every POST is signed with HMAC-SHA256 keyed by {@code secret}. */
    public record Webhook(Secret url, Secret secret) {
        public Webhook {
            requireNonNull(url, "url");
            requireNonNull(secret, "secret");
        }
    }

    /**
     * The daily digest over SMTP, sent at {@code at} in {@code timezone};
     * {@code sendQuietDays}: mail "nothing new".
     */
    public record Email(String host, int port, boolean startTls, Optional<String> user, Optional<Secret> password,
                       String from, List<String> to, LocalTime at, ZoneId timezone, boolean sendQuietDays) {
        public Email {
            requireNonNull(host, "host");
            requireNonNull(user, "user");
            requireNonNull(password, "password");
            requireNonNull(from, "from");
            to = List.copyOf(to);
            requireNonNull(at, "at");
            requireNonNull(timezone, "timezone");
            if (to.isEmpty()) {
                throw new IllegalArgumentException("a digest needs at least one recipient");
            }
        }
    }

    public static NotifyConfig defaults() {
        return new NotifyConfig(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(20), Duration.ofMinutes(5));
    }

    /** The outbox channels that are on (the digest is a daily job, not an outbox channel). */
    public List<String> outboxChannels() {
        List<String> channels = new ArrayList<>();
        slack.ifPresent(s -> channels.add("slack"));
        webhook.ifPresent(w -> channels.add("webhook"));
        return List.copyOf(channels);
    }

    static NotifyConfig read(YamlMap map) throws ConfigException {
        map.rejectUnknown("notify", Set.of("watch", "slack", "email", "webhook", "archiveUrl", "timeout",
                "lease"));
        Optional<Slack> slack = Optional.empty();
        if (map.map("slack").isPresent()) {
            YamlMap s = map.map("slack").get();
            s.rejectUnknown("notify.slack", Set.of("webhookUrl"));
            slack = s.secret("webhookUrl", false).map(Slack::new);
        }
        Optional<Webhook> webhook = Optional.empty();
        if (map.map("webhook").isPresent()) {
            YamlMap w = map.map("webhook").get();
            w.rejectUnknown("notify.webhook", Set.of("url", "secret"));
            Optional<Secret> url = w.secret("url", false);
            if (url.isPresent()) {
                // a webhook without its signing key would be unverifiable by the receiver; refuse rather than send
                Secret key = w.secret("secret", false).orElseThrow(() -> w.error("secret",
                        "notify.webhook.url is set but its signing secret is not;"
                                + " write 'secret: ${COLLIDE_WEBHOOK_SECRET}'"
                                + " and export that variable"));
                webhook = Optional.of(new Webhook(url.get(), key));
            }
        }
        Optional<Email> email = map.map("email").isPresent() ? readEmail(map.map("email").get()) : Optional.empty();
        URI archiveUrl = defaults().archiveUrl();
        Optional<String> archive = map.string("archiveUrl");
        if (archive.isPresent()) {
            try {
                archiveUrl = URI.create(archive.get().replaceAll("/+$", ""));
                if (archiveUrl.getScheme() == null || !archiveUrl.getScheme().startsWith("http")) {
                    throw new IllegalArgumentException("not http");
                }
            } catch (IllegalArgumentException e) {
                throw map.error("archiveUrl", "notify.archiveUrl '" + archive.get()
                        + "' is not an http(s) URL; write e.g. http://127.0.0.1:8080");
            }
        }
        Duration timeout = map.duration("timeout").orElse(defaults().timeout());
        Duration lease = map.duration("lease").orElse(defaults().lease());
        if (lease.compareTo(timeout) <= 0) {
            throw map.error("lease", "notify.lease (" + lease + ") must be longer than notify.timeout (" + timeout
                    + "), or a slow send would lose its claim and be sent twice; e.g. write 'lease: 5m'");
        }
        return new NotifyConfig(map.strings("watch"), slack, email, webhook, archiveUrl, timeout, lease);
    }

    /** Mail is on when a host and at least one recipient are known (possibly from SMTP_HOST and SMTP_TO). */
    private static Optional<Email> readEmail(YamlMap e) throws ConfigException {
        e.rejectUnknown("notify.email", Set.of("host", "port", "startTls", "user", "password", "from", "to", "at",
                "timezone", "quietDays"));
        Optional<String> host = e.string("host").filter(h -> !h.isBlank());
        List<String> to = new ArrayList<>();
        for (String entry : e.strings("to")) {
            for (String address : entry.split(",")) {
                if (!address.isBlank()) {
                    to.add(address.strip());
                }
            }
        }
        LocalTime at;
        try {
            at = LocalTime.parse(e.string("at").orElse("08:00"));
        } catch (DateTimeParseException ex) {
            throw e.error("at", "notify.email.at must be a time like \"08:00\"");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(e.string("timezone").orElse("UTC"));
        } catch (DateTimeException ex) {
            throw e.error("timezone", "notify.email.timezone is not a time zone; write e.g. Europe/Berlin or UTC");
        }
        String quiet = e.string("quietDays").orElse("skip");
        if (!quiet.equals("skip") && !quiet.equals("send")) {
            throw e.error("quietDays", "notify.email.quietDays must be skip or send, not '" + quiet + "'");
        }
        int port = (int) e.number("port", 587, 1, 65535);
        boolean startTls = e.bool("startTls", true);
        Optional<String> user = e.string("user").filter(u -> !u.isBlank());
        Optional<Secret> password = e.secret("password", false);
        String from = e.string("from").filter(f -> !f.isBlank()).orElse("collide@localhost");
        if (host.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Email(host.get(), port, startTls, user, password, from, to, at, zone,
                quiet.equals("send")));
    }
}
