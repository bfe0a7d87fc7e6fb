package dev.collide.notify;

import dev.collide.fetch.RetryAfter;
import dev.collide.fetch.StaleConnectionRetry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs a JSON body and turns the answer into success or a {@link NotifyException}: 2xx is an acknowledgement;
 * 429 is retryable after Retry-After; 408, 5xx and I/O failures (timeouts included) are retryable; any other 4xx
 * means the receiver will never take this message (revoked or mistyped webhook, rejected payload).
 * OkHttp types stay in this class.
 */
final class JsonPoster {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** When a 429 carries no usable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

    private final OkHttpClient client;
    private final StaleConnectionRetry staleRetry;
    private final Clock clock;

    JsonPoster(Duration timeout, Clock clock) {
        // Never a reused connection (issue 17, Connection: close on each post): a POST that fails on a stale keep-alive connection after being
        // written cannot be told from one the receiver processed, so it could not be retried without risking a
        // second message; alerts are rare, a handshake each costs nothing. StaleConnectionRetry then retries only
        // a POST of which nothing was written.
        this.staleRetry = new StaleConnectionRetry();
        this.client = staleRetry.installOn(new OkHttpClient.Builder())
                .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout).followRedirects(false).build();
        this.clock = clock;
    }

    /**
     * @param what names the receiver and the alert for messages, never the URL (a webhook URL is a secret)
     * @param hint what to do when the receiver refuses for good
     */
    void post(String url, String body, Map<String, String> headers, String what, String hint)
            throws NotifyException {
        var request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        headers.forEach(request::header);
        request.header("Connection", "close"); // a new connection for every post; see the constructor
        try (Response response = client.newCall(request.build()).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return;
            }
            String answer = response.body().string();
            String quoted = answer.strip();
            String said = quoted.isEmpty() ? "" : " (" + quoted.substring(0, Math.min(quoted.length(), 200)) + ")";
            if (code == 429) {
                Duration wait = retryAfter(response.header("Retry-After"));
                throw NotifyException.rateLimited(what + ": rate limited (429)" + said + "; retrying after "
                        + wait.toSeconds() + "s", wait);
            }
            if (code == 408 || code >= 500) {
                throw NotifyException.retryable(what + ": server answered " + code + said + "; will retry", null);
            }
            throw NotifyException.permanent(what + ": answered " + code + said + "; " + hint);
        } catch (IOException e) {
            throw NotifyException.retryable(what + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage() + "; will retry", e);
        }
    }

    /** Posts retried on a new connection (only ever one of which nothing was written). */
    long staleConnectionRetries() {
        return staleRetry.retries();
    }

    /** RFC 9110 10.2.3: Retry-After is delay-seconds or an HTTP-date. */
    Duration retryAfter(String header) {
        return RetryAfter.parse(header, clock.instant()).orElse(DEFAULT_RETRY_AFTER);
    }
}
