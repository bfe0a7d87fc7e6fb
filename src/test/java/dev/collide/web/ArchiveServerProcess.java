package dev.collide.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The seeded test archive served from a JVM of its own, for tests that need the JDK server's timeouts set to a few
 * seconds: those {@code sun.net.httpserver.*} properties are read once per JVM, so the test JVM's own servers cannot
 * have them. Prints {@code port=N} once listening and stops when its standard input closes.
 */
final class ArchiveServerProcess {
    private ArchiveServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (var fixture = new ArchiveFixture();
             var server = ArchiveServer.start("127.0.0.1", 0, fixture.archive, ArchiveFixture.CLOCK)) {
            System.out.println("port=" + server.port());
            System.out.flush();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // the parent never writes; end of input is the signal to stop
            }
        }
    }
}
