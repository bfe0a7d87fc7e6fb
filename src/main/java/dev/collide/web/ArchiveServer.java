package dev.collide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.collide.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive over HTTP (issue #7): JSON API, Atom, iCalendar, CSV, the HTML pages and metrics. Read-only: GET and
 * HEAD only, everything else is 405. Uses the JDK's HttpServer, so no servlet container is needed. Thread-safe.
 *
 * <p>Slow and idle clients (issue 17 item 5). The JDK server keeps a connection that has sent nothing in its selector,
 * costing no thread, but reads the request line and headers on a worker thread with blocking reads and, by default,
 * no time limit: four clients that sent part of a request line held all four workers of the old fixed pool for as
 * long as they liked. So a request's line and headers must arrive within {@value #REQUEST_TIMEOUT_SECONDS} s of its
 * first byte, the answer must be taken within {@value #RESPONSE_TIMEOUT_SECONDS} s, a connection that sends nothing
 * (new, or kept alive after an answer) is closed after {@value #IDLE_TIMEOUT_SECONDS} s, and workers are started on
 * demand up to {@value #MAX_THREADS}, so a few slow clients still inside their limit cannot delay anyone else.
 */
public final class ArchiveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveServer.class);
    /** No script at all, styles only from /style.css: a title that slipped through escaping still cannot run. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");
    /** Workers started on demand (and stopped after a minute without work); more requests wait in the queue. */
    static final int MAX_THREADS = 64;
    static final int REQUEST_TIMEOUT_SECONDS = 30;
    static final int RESPONSE_TIMEOUT_SECONDS = 60;
    static final int IDLE_TIMEOUT_SECONDS = 30;
    /** Connections waiting to be accepted: a burst of a thousand clients should queue, not be refused. */
    private static final int BACKLOG = 1024;

    static {
        // The JDK server reads these once, when its implementation class is first loaded, so they are set here, before
        // the first HttpServer.create; a value given on the command line (-Dsun.net.httpserver.maxReqTime=10, e.g.
        // in COLLIDE_JAVA_OPTS) wins. Names and units (seconds) as in JDK 17's sun.net.httpserver.ServerConfig.
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_TIMEOUT_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_TIMEOUT_SECONDS);
        setIfAbsent("sun.net.httpserver.idleInterval", IDLE_TIMEOUT_SECONDS);
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final ArchiveRoutes routes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArchiveServer(HttpServer server, ExecutorService pool, ArchiveRoutes routes) {
        this.server = server;
        this.pool = pool;
        this.routes = routes;
    }

    /** Binds {@code bind:port} (port 0 picks a free one) and starts serving. Throws if the address is taken. */
    public static ArchiveServer start(String bind, int port, Archive archive, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), BACKLOG);
        AtomicInteger n = new AtomicInteger();
        // core = max with core threads timing out: a new thread per request until MAX_THREADS, none kept when idle
        var pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "collide-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        var result = new ArchiveServer(server, pool, new ArchiveRoutes(archive, clock));
        server.createContext("/", result::handle);
        server.setExecutor(pool);
        server.start();
        LOG.info("archive server listening on http://{}:{}/", bind, server.getAddress().getPort());
        return result;
    }

    private static void setIfAbsent(String property, int seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(seconds));
        }
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening; safe to call more than once (a shutdown hook and try-with-resources both do). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                response = Response.json(405, ArchiveRoutes.json(JsonViews.error(
                        "the archive is read-only; use GET or HEAD", null)));
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            } else {
                response = route(exchange);
            }
            send(exchange, response, method.equals("HEAD"));
        }
    }

    private Response route(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Response.json(400, ArchiveRoutes.json(JsonViews.error("the path is not valid URL encoding", null)));
        }
        String query = exchange.getRequestURI().getRawQuery();
        try {
            return routes.route(path, query, baseUrl(exchange));
        } catch (BadParameter e) {
            boolean page = !path.startsWith("/api/");
            return page && (path.equals("/") || path.startsWith("/events/") || path.startsWith("/collisions/"))
                    ? Response.html(400, HtmlPages.error(400, e.getMessage()))
                    : Response.json(400, ArchiveRoutes.json(JsonViews.error(e.getMessage(), e.parameter())));
        } catch (StoreException e) {
            LOG.error("archive request {} failed: {}", rawPath, e.getMessage(), e);
            return Response.json(500, ArchiveRoutes.json(JsonViews.error(
                    "the archive could not be read; the server log says why", null)));
        } catch (RuntimeException e) {
            // request boundary: one broken request must not take the server down
            LOG.error("archive request {} failed", rawPath, e);
            return Response.json(500, ArchiveRoutes.json(JsonViews.error("internal error; see the server log", null)));
        }
    }

    /** Absolute links (Atom, iCalendar) use the Host the client asked for, when it looks like a host name. */
    private String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            InetSocketAddress local = exchange.getLocalAddress();
            host = local.getHostString() + ":" + local.getPort();
        }
        return "http://" + host;
    }

    private static void send(HttpExchange exchange, Response response, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CSP);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        if (head) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String toJson(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
    }
}
