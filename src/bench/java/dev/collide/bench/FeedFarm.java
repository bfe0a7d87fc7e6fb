package dev.collide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web of generated feeds for the fetch benchmark: one HTTP server per loopback address (127.0.0.2, 127.0.0.3, ...),
 * so the fetcher's per-host politeness applies as on the real web. Every answer is delayed by {@code latency}
 * without holding a thread (the exchange is completed later by a timer). {@code /etag/N.xml} answers with an ETag
 * and 304 on a matching If-None-Match; {@code /plain/N.xml} sends no validators at all. {@link #changeAll()} gives
 * every feed a new item, so the next round is a cold one.
 */
final class FeedFarm implements AutoCloseable {
    static final int ITEMS = 20;

    private final List<HttpServer> servers = new ArrayList<>();
    // the timer writes the answers: a blocking write to one slow socket must not hold up every other answer
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(16, daemon("farm-timer"));
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("farm-handler"));
    private final Duration latency;
    private final AtomicInteger version = new AtomicInteger(1);
    private final AtomicLong bodies = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final Map<Integer, Body> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> bumps = new ConcurrentHashMap<>();
    /** The highest feed number asked for so far: how far {@link #changeEvery} has to go. */
    private final AtomicLong known = new AtomicLong(-1);

    FeedFarm(int hosts, Duration latency) throws IOException {
        this.latency = latency;
        for (int h = 0; h < hosts; h++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, (byte) ((h + 2) >> 8), (byte) (h + 2)});
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
            server.createContext("/", this::handle);
            server.setExecutor(handlers);
            server.start();
            servers.add(server);
        }
    }

    /** The URL of feed {@code n}; feeds are spread round-robin over the hosts. */
    URI url(int n, boolean withValidators) {
        HttpServer server = servers.get(n % servers.size());
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort()
                + (withValidators ? "/etag/" : "/plain/") + n + ".xml");
    }

    void changeAll() {
        version.incrementAndGet();
    }

    /** Gives every {@code k}-th feed (0, k, 2k, ...) a new item: k = 100 is the "1 % changed" round. */
    void changeEvery(int k) {
        int feeds = (int) Math.max(known.get() + 1, 1);
        for (int n = 0; n < feeds; n += k) {
            bumps.merge(n, 1, Integer::sum);
        }
    }

    private int version(int n) {
        return version.get() + bumps.getOrDefault(n, 0);
    }

    long bodiesSent() {
        return bodies.get();
    }

    long notModifiedSent() {
        return notModified.get();
    }

    private void handle(HttpExchange exchange) {
        timer.schedule(() -> respond(exchange), latency.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void respond(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            boolean etag = path.startsWith("/etag/");
            int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.length() - 4));
            known.accumulateAndGet(n, Math::max);
            int v = version(n);
            String tag = "\"" + n + "-" + v + "\"";
            if (etag && tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.getResponseHeaders().set("ETag", tag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = body(n, v);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            if (etag) {
                exchange.getResponseHeaders().set("ETag", tag);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            bodies.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            // the client gave up; the benchmark counts its failures on its side
        } finally {
            exchange.close();
        }
    }

    /**
     * The bytes of feed {@code n} at version {@code v}, built once per version: a real server's cost of producing
     * a feed is not on the client's machine, so the farm should spend as little of the shared cores as it can.
     */
    private byte[] body(int n, int v) {
        Body cached = cache.get(n);
        if (cached != null && cached.version() == v) {
            return cached.bytes();
        }
        byte[] bytes = feed(n, v).getBytes(StandardCharsets.UTF_8);
        cache.put(n, new Body(v, bytes));
        return bytes;
    }

    private record Body(int version, byte[] bytes) {
    }

    /** An RSS 2.0 feed of 20 items, about 18 KB; the newest item's number follows the farm's version. */
    static String feed(int n, int version) {
        StringBuilder xml = new StringBuilder(19_000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Lab ").append(n)
                .append(" news</title><link>https://lab").append(n).append(".example/</link>")
                .append("<description>Generated feed for the benchmark</description>\n");
        for (int i = version + ITEMS - 1; i >= version; i--) {
            // one feed in twenty is a known lab's, and its newest item a release, so that extraction and detection
            // have real work; those releases are spread over a year, as real ones are
            boolean release = n % 20 == 0 && i == version + ITEMS - 1;
            String lab = LABS[(n / 20) % LABS.length];
            String title = release ? lab + " releases " + lab + "-V" + n + "." + i + " with open weights"
                    : "Lab " + n + " ships Model-" + i + ", a new open-weights release";
            String day = release ? java.time.LocalDate.of(2025, 1, 1).plusDays((n / 20L * 7 + i) % 365)
                    .format(java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy", java.util.Locale.ROOT))
                    : "Sat, 25 Apr 2026";
            xml.append("<item><title>").append(title).append("</title><link>https://lab").append(n)
                    .append(".example/posts/").append(i).append("</link><guid>https://lab").append(n)
                    .append(".example/posts/").append(i).append("</guid><pubDate>").append(day).append(" 08:")
                    .append(String.format("%02d", i % 60)).append(":00 GMT</pubDate><description>")
                    .append(TEXT).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** The feed above as JSON Feed 1.1 (issue #16): same items, ids, dates and HTML, for the parse benchmark. */
    static String jsonFeed(int n, int version) {
        var json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("version", "https://jsonfeed.org/version/1.1")
                .put("title", "Lab " + n + " news").put("home_page_url", "https://lab" + n + ".example/")
                .put("description", "Generated feed for the benchmark");
        ArrayNode items = root.putArray("items");
        for (int i = version + ITEMS - 1; i >= version; i--) {
            String url = "https://lab" + n + ".example/posts/" + i;
            items.addObject().put("id", url).put("url", url)
                    .put("title", "Lab " + n + " ships Model-" + i + ", a new open-weights release")
                    .put("date_published", String.format("2026-04-25T08:%02d:00Z", i % 60))
                    .put("content_html", TEXT);
        }
        return root.toPrettyString();
    }

    private static final String[] LABS = {"DeepSeek", "Qwen", "Mistral", "Kimi"};

    private static final String TEXT = ("Today we release Model-X, our newest model, with open weights under an"
            + " Apache 2.0 licence. It improves reasoning, coding and long-context retrieval over the previous"
            + " version &amp; runs on a single accelerator. ").repeat(3);

    /**
     * The farm as a process of its own, so that a benchmark's heap, CPU and threads are the client's alone. Prints
     * one {@code host:port} line per host, then {@code ready}; then reads commands from standard input, one per
     * line: {@code change-all}, {@code change-every K}, {@code stats} (prints "bodies 304s"), {@code quit}.
     * Arguments: hosts, latency in ms.
     */
    public static void main(String[] args) throws IOException {
        int hosts = Integer.parseInt(args[0]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[1]));
        try (FeedFarm farm = new FeedFarm(hosts, latency);
             var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (HttpServer server : farm.servers) {
                InetSocketAddress a = server.getAddress();
                System.out.println(a.getAddress().getHostAddress() + ":" + a.getPort());
            }
            System.out.println("ready");
            System.out.flush();
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("change-all")) {
                    farm.changeAll();
                } else if (line.startsWith("change-every ")) {
                    farm.changeEvery(Integer.parseInt(line.substring(13).trim()));
                }
                System.out.println(farm.bodiesSent() + " " + farm.notModifiedSent());
                System.out.flush();
            }
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        for (HttpServer server : servers) {
            server.stop(0);
        }
        timer.shutdownNow();
        handlers.shutdownNow();
    }
}
