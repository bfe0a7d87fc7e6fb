package dev.collide.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.HttpConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fetcher's clients are sharded by host (each shard its own connection pool): a host's polls still reuse its
 * kept-alive connection, whichever shard it falls in.
 */
class ConnectionReuseTest {
    private static final HttpConfig CONFIG = new HttpConfig(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(40), 64 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    @Test
    void fetch_twoHostsTenPollsEach_oneConnectionPerHost() throws Exception {
        try (var server = new KeepAliveServer()) {
            var fetcher = new ConditionalFetcher(CONFIG, ConditionalFetcherTest.CLOCK, duration -> { });
            for (int i = 0; i < 10; i++) {
                for (String host : new String[] {"127.0.0.1", "localhost"}) {
                    FetchResult result = fetcher.fetch(URI.create("http://" + host + ":" + server.port() + "/feed.xml"),
                            Validators.NONE);
                    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
                }
            }

            assertThat(server.requests.get()).isEqualTo(20);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void shard_isTheSameForAHostWhateverItsCase() {
        assertThat(RedirectFollower.shard("Feeds.Example.ORG")).isEqualTo(RedirectFollower.shard("feeds.example.org"))
                .isBetween(0, RedirectFollower.SHARDS - 1);
        assertThat(RedirectFollower.shard(null)).isZero();
    }

    /** An HTTP/1.1 server that keeps each connection open and counts connections and requests. */
    private static final class KeepAliveServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        KeepAliveServer() throws IOException {
            Thread acceptor = new Thread(this::accept, "keep-alive-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                 OutputStream out = s.getOutputStream()) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        continue; // request and header lines; a GET has no body
                    }
                    requests.incrementAndGet();
                    byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
