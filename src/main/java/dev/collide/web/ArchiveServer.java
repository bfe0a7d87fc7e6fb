package dev.collide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.source.DisplayText;
import dev.collide.store.StoreException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive over HTTP (issue #7): JSON API, Atom, iCalendar, CSV, the HTML pages and metrics. Read-only: GET and
 * HEAD only, everything else is 405. Runs on Jetty's core server (no servlets). Thread-safe.
 *
 * <p>Slow and idle clients (issue 17 item 5): Jetty reads requests without holding a thread, so a thousand idle or
 * trickling connections cost sockets, not workers; {@link RequestHeadDeadline} closes a connection whose next
 * request has not fully arrived within the timeout (default {@link #TIMEOUT}), and Jetty's idle timeout (the same
 * length) ends a read or write that makes no progress. Errors Jetty answers itself (a request line that is not
 * valid URL encoding, such as {@code %ZZ}; headers over {@value #MAX_REQUEST_HEAD_BYTES} bytes) get the API's JSON
 * error body and the same security headers as every other answer (issue 17 item 8).
 */
public final class ArchiveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveServer.class);
    /** No script at all, styles only from /style.css: a title that slipped through escaping still cannot run. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");
    /** A request's line and headers must arrive within this of the connection opening or of the previous answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Requests answered at once; the archive's queries take milliseconds, so more wait in Jetty's queue. */
    private static final int MAX_THREADS = 16;
    /** Request line plus headers; a longer one is answered 431 (or 414 for the line). Jetty's default is 8 KB. */
    static final int MAX_REQUEST_HEAD_BYTES = 16 * 1024;
    /** Connections waiting to be accepted: a burst of a thousand clients should queue, not be refused. */
    private static final int BACKLOG = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ArchiveRoutes routes;
    private final RequestHeadDeadline deadline;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArchiveServer(Server server, ServerConnector connector, ArchiveRoutes routes,
                          RequestHeadDeadline deadline) {
        this.server = server;
        this.connector = connector;
        this.routes = routes;
        this.deadline = deadline;
    }

    /** Binds {@code bind:port} (port 0 picks a free one) and starts serving. Throws if the address is taken. */
    public static ArchiveServer start(String bind, int port, Archive archive, Clock clock) throws IOException {
        return start(bind, port, archive, clock, TIMEOUT);
    }

    /** As {@link #start(String, int, Archive, Clock)}, with the request and idle timeout given (tests use seconds). */
    static ArchiveServer start(String bind, int port, Archive archive, Clock clock, Duration timeout)
            throws IOException {
        var threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("collide-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        var scheduler = new ScheduledExecutorScheduler("collide-http-timeouts", true);
        var server = new Server(threads, scheduler, null);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        var connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(timeout.toMillis());
        connector.setAcceptQueueSize(BACKLOG);
        var deadline = new RequestHeadDeadline(timeout, scheduler);
        connector.addEventListener(deadline);
        server.addConnector(connector);
        var result = new ArchiveServer(server, connector, new ArchiveRoutes(archive, clock), deadline);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
                return result.handle(request, response, callback);
            }
        });
        server.setErrorHandler(result::answerJettyError);
        try {
            server.start();
        } catch (Exception e) {
            result.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        LOG.info("archive server listening on http://{}:{}/", bind, connector.getLocalPort());
        return result;
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening and closes every connection; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("archive server did not stop cleanly: {}", e.toString());
            }
        }
    }

    private boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        deadline.requestStarted(connection);
        Callback answered = new Callback() {
            @Override
            public void succeeded() {
                deadline.requestEnded(connection);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                deadline.requestEnded(connection);
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        String method = request.getMethod();
        Response answer;
        if (!method.equals("GET") && !method.equals("HEAD")) {
            answer = Response.json(405, ArchiveRoutes.json(new JsonViews.ErrorView(
                    "the archive is read-only; use GET or HEAD", null)));
            response.getHeaders().put("Allow", "GET, HEAD");
        } else {
            answer = route(request);
        }
        send(response, answer, answered);
        return true;
    }

    /**
     * Jetty's own answers (400 for a request line it cannot parse, 414, 431, ...) in the API's error format. The
     * reason is Jetty's, never the client's bytes; it still goes through {@link DisplayText} like any other text.
     */
    private boolean answerJettyError(Request request, org.eclipse.jetty.server.Response response,
                                     Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code
                : response.getStatus();
        String reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String text && !text.isBlank()
                ? DisplayText.line(text) : HttpStatus.getMessage(status);
        String message = switch (status) {
            case 400 -> "the request cannot be read (" + reason + "); write the path and query in URL encoding: '%'"
                    + " followed by two hex digits, e.g. %2F or %C3%A9";
            case 414, 431 -> "the request line or headers are longer than " + MAX_REQUEST_HEAD_BYTES / 1024
                    + " KB; shorten the query";
            default -> reason;
        };
        send(response, Response.json(status, ArchiveRoutes.json(new JsonViews.ErrorView(message, null))), callback);
        return true;
    }

    private Response route(Request request) {
        String rawPath = request.getHttpURI().getPath();
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Response.json(400, ArchiveRoutes.json(new JsonViews.ErrorView("the path is not valid URL encoding", null)));
        }
        String query = request.getHttpURI().getQuery();
        try {
            return routes.route(path, query, baseUrl(request));
        } catch (BadParameter e) {
            boolean page = !path.startsWith("/api/");
            return page && (path.equals("/") || path.startsWith("/events/") || path.startsWith("/collisions/"))
                    ? Response.html(400, HtmlPages.error(400, e.getMessage()))
                    : Response.json(400, ArchiveRoutes.json(new JsonViews.ErrorView(e.getMessage(), e.parameter())));
        } catch (StoreException e) {
            LOG.error("archive request {} failed: {}", rawPath, e.getMessage(), e);
            return Response.json(500, ArchiveRoutes.json(new JsonViews.ErrorView(
                    "the archive could not be read; the server log says why", null)));
        } catch (RuntimeException e) {
            // request boundary: one broken request must not take the server down
            LOG.error("archive request {} failed", rawPath, e);
            return Response.json(500, ArchiveRoutes.json(new JsonViews.ErrorView("internal error; see the server log", null)));
        }
    }

    /** Absolute links (Atom, iCalendar) use the Host the client asked for, when it looks like a host name. */
    private static String baseUrl(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            String local = Request.getLocalAddr(request);
            host = (local.contains(":") ? "[" + local + "]" : local) + ":" + Request.getLocalPort(request);
        }
        return "http://" + host;
    }

    /** Jetty sends no body for HEAD, but keeps the Content-Length of the GET answer. */
    private static void send(org.eclipse.jetty.server.Response response, Response answer, Callback callback) {
        var headers = response.getHeaders();
        headers.put("Content-Type", answer.contentType());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CSP);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(answer.status());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static String toJson(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
    }
}
