package dev.collide.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.collide.RequiredService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 5: idle and slow clients must neither hold the archive server nor stay connected for ever. On the
 * JDK's HttpServer four sockets that had sent part of a request line took all four workers until they hung up (a
 * silent socket cost no worker there); so the test keeps 1,000 silent sockets and a few trickling ones open.
 */
class ArchiveServerSlowClientsTest extends ArchiveServerHarness {
    private static final int IDLE = 1_000;
    private static final int SLOW = 8;
    /** Client and server end of each socket live in this JVM, plus the JVM's own files. */
    private static final long NEEDED_FDS = 2L * (IDLE + SLOW) + 1_000;
    /** The second server's request timeout; the first runs with the default, {@link ArchiveServer#TIMEOUT}. */
    private static final Duration QUICK_TIMEOUT = Duration.ofSeconds(2);
    /** Generous: a loaded 2-core machine must not fail the test, only a server that never answers or never closes. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static ArchiveServer quick;

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void startQuickServer() throws IOException {
        quick = ArchiveServer.start("127.0.0.1", 0, fixture.archive, ArchiveFixture.CLOCK, QUICK_TIMEOUT);
    }

    @AfterAll
    static void stopQuickServer() {
        quick.close();
    }

    @BeforeAll
    static void enoughFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os
                && os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() < NEEDED_FDS) {
            RequiredService.missing("this test opens " + (IDLE + SLOW) + " sockets and needs " + NEEDED_FDS
                    + " free file descriptors, but the limit is " + os.getMaxFileDescriptorCount() + " with "
                    + os.getOpenFileDescriptorCount() + " open; raise it (ulimit -n 4096)");
        }
    }

    @AfterEach
    void closeSockets() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void get_with1000IdleAndEightSlowConnectionsOpen_answersWhileTheyStayOpen() throws Exception {
        for (int i = 0; i < IDLE; i++) {
            sockets.add(new Socket("127.0.0.1", server.port()));
        }
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            slow.add(slowSender(server.port()));
        }
        sockets.addAll(slow);

        var response = http.send(HttpRequest.newBuilder(http.uri("/api/labs")).timeout(Duration.ofSeconds(5)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"deepseek\"");
        assertThat(sockets.stream().filter(ArchiveServerSlowClientsTest::isOpen).count())
                .as("idle and slow sockets still connected after the answer").isEqualTo(IDLE + SLOW);
    }

    @Test
    void slowRequestLine_pastRequestTimeout_isClosedByServer() throws Exception {
        int port = quick.port();
        long start = System.nanoTime();
        Socket slow = slowSender(port);
        sockets.add(slow);

        boolean closed = closedByServer(slow);

        Duration after = Duration.ofNanos(System.nanoTime() - start);
        assertThat(closed).as("server closed a request line still arriving after " + BOUND).isTrue();
        assertThat(after).isGreaterThanOrEqualTo(QUICK_TIMEOUT);
    }

    @Test
    void silentConnection_pastRequestTimeout_isClosedByServer() throws Exception {
        int port = quick.port();
        Socket silent = new Socket("127.0.0.1", port);
        sockets.add(silent);

        boolean closed = closedByServer(silent);

        assertThat(closed).as("server closed a connection that sent nothing for " + BOUND).isTrue();
    }

    @Test
    void keepAliveConnection_quietAfterAnswer_isClosedByServer() throws Exception {
        int port = quick.port();
        Socket client = new Socket("127.0.0.1", port);
        sockets.add(client);
        client.getOutputStream().write("GET /api/labs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(US_ASCII));
        client.getOutputStream().flush();

        boolean closed = closedByServer(client);

        assertThat(closed).as("server closed a kept-alive connection idle for " + BOUND).isTrue();
    }

    /** A client that has sent the start of a request line and adds one byte every half second, never finishing. */
    private Socket slowSender(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write("GET /api/events?q=".getBytes(US_ASCII));
        s.getOutputStream().flush();
        trickle.scheduleAtFixedRate(() -> {
            try {
                s.getOutputStream().write('x');
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server closed it: what the timeout tests wait for
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Reads (and drops) whatever the server sends until it closes the connection, or {@link #BOUND} passes. */
    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout((int) BOUND.toMillis());
        try {
            while (s.getInputStream().read() != -1) {
                // an answer to a finished request comes first
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }

    private static boolean isOpen(Socket s) {
        try {
            s.setSoTimeout(1);
            return s.getInputStream().read() != -1;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
