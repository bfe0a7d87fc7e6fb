package dev.collide.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server that closes the connection after every response without saying so (no
 * {@code Connection: close}), as an HTTP/1.0 server or one with a short keep-alive timeout does: the client's pooled
 * connection is then dead when it is next used. Serves one connection at a time; counts the requests it read.
 */
public final class ClosingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final byte[] body;
    private final AtomicInteger requests = new AtomicInteger();

    public ClosingServer(String body) throws IOException {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "closing-server");
        thread.setDaemon(true);
        thread.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Complete requests read (headers and body). */
    public int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                int length = readHead(in);
                if (length < 0) {
                    continue; // the client closed without a request
                }
                in.readNBytes(length);
                requests.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // one broken connection; go on with the next
            }
        }
    }

    /** Reads the request head; returns its Content-Length (0 if none), or -1 at end of stream. */
    private static int readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        return Integer.parseInt(line.substring(15).strip());
                    }
                }
                return 0;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
