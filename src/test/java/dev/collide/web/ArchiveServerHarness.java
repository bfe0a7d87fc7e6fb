package dev.collide.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One seeded archive and a server on a free loopback port per test class; subclasses send requests to it. */
abstract class ArchiveServerHarness {
    static ArchiveFixture fixture;
    static ArchiveServer server;
    static ArchiveHttp http;

    @BeforeAll
    static void startServer() throws Exception {
        fixture = new ArchiveFixture();
        server = ArchiveServer.start("127.0.0.1", 0, fixture.archive, ArchiveFixture.CLOCK);
        http = new ArchiveHttp(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        fixture.close();
    }
}
