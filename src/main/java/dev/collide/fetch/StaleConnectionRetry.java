package dev.collide.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries, once and on a new connection, a request that failed on a reused keep-alive connection before any
 * response arrived (issue 17): a server that closed an idle connection (an HTTP/1.0 server, a shorter keep-alive
 * timeout) makes the next request on it fail with "unexpected end of stream". OkHttp's own silent retry stays off
 * so that this one is counted ({@link #retries()}).
 *
 * <p>Which failures: GET, HEAD (idempotent, RFC 9110 9.2.2) when the connection was reused and no response headers
 * were read; a timeout is not a stale connection and is left to the caller. Any other method (POST) only when
 * nothing of the request was written: a server that read a whole POST and then closed without a byte looks on the
 * wire exactly like a stale connection, so retrying that would post twice. The posters avoid the stale case
 * instead by sending {@code Connection: close}, so that no post goes on a reused connection.
 *
 * <p>Thread-safe: one instance serves all calls of one client.
 */
public final class StaleConnectionRetry implements Interceptor {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD");

    private final AtomicLong retries = new AtomicLong();
    private final Map<Call, Trace> traces = new ConcurrentHashMap<>();

    /** What the network did during the current attempt of one call. */
    private static final class Trace {
        volatile boolean connected;
        volatile boolean requestStarted;
        volatile boolean responseHeaders;

        void reset() {
            connected = false;
            requestStarted = false;
            responseHeaders = false;
        }
    }

    /** {@code builder} with this retry (and the listener it needs) installed. */
    public OkHttpClient.Builder installOn(OkHttpClient.Builder builder) {
        return builder.retryOnConnectionFailure(false).addInterceptor(this).eventListenerFactory(call -> new Listener());
    }

    /** Requests retried on a new connection since this client was built. */
    public long retries() {
        return retries.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Call call = chain.call();
        Trace trace = traces.computeIfAbsent(call, c -> new Trace());
        Request request = chain.request();
        try {
            trace.reset();
            try {
                return chain.proceed(request);
            } catch (IOException e) {
                if (!isStale(request, trace, e) || call.isCanceled()) {
                    throw e;
                }
                retries.incrementAndGet();
                trace.reset();
                return chain.proceed(request);
            }
        } finally {
            traces.remove(call);
        }
    }

    private static boolean isStale(Request request, Trace trace, IOException e) {
        if (trace.connected || e instanceof InterruptedIOException) {
            return false; // a new connection that failed, or a timeout: not what a stale connection does
        }
        if (IDEMPOTENT.contains(request.method())) {
            return !trace.responseHeaders;
        }
        return !trace.requestStarted;
    }

    private final class Listener extends EventListener {
        private Trace trace(Call call) {
            return traces.get(call);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            Trace t = trace(call);
            if (t != null) {
                t.connected = true;
            }
        }

        @Override
        public void requestHeadersStart(Call call) {
            Trace t = trace(call);
            if (t != null) {
                t.requestStarted = true;
            }
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            Trace t = trace(call);
            if (t != null) {
                t.responseHeaders = true;
            }
        }
    }
}
