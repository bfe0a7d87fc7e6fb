package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random parameters and paths against every endpoint: a client error at worst, never a server error. */
class ApiFuzzTest extends ArchiveServerHarness {
    private static final List<String> PATHS = List.of("/api/events", "/api/collisions", "/api/articles", "/api/labs",
            "/api/sources", "/api/collisions.csv", "/collisions.atom", "/calendar.ics", "/", "/metrics",
            "/api/events/", "/api/collisions/", "/events/", "/collisions/");
    private static final List<String> NAMES = List.of("lab", "since", "until", "q", "tier", "limit", "offset",
            "cursor", "format", "x", "", "lab[]", "%00");
    private static final List<String> VALUES = List.of("", "deepseek", "2026-04-24", "2026-13-45", "-1", "0",
            "1001", "99999999999999999999", "NaN", "SAME_DAY", "same_day", "' OR 1=1 --", "\"; DROP TABLE articles;",
            "<script>alert(1)</script>", "%", "%%", "\u0000", "\uD83D\uDE00", "../../etc/passwd", "a".repeat(5000),
            "2026-04-24T10:00:00Z", "null", "[]", "{}", "deepseek,moonshot", "\r\nX-Injected: 1");

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void randomRequests_neverGiveServerError() throws Exception {
        Random random = new Random(20261124);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            if (path.endsWith("/") && path.length() > 1) {
                path += enc(VALUES.get(random.nextInt(VALUES.size())));
            }
            StringBuilder query = new StringBuilder();
            int params = random.nextInt(4);
            for (int p = 0; p < params; p++) {
                query.append(p == 0 ? "?" : "&").append(enc(NAMES.get(random.nextInt(NAMES.size())))).append('=')
                        .append(enc(VALUES.get(random.nextInt(VALUES.size()))));
            }
            HttpResponse<String> response = http.get(path + query);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + path + query);
            }
            assertThat(response.statusCode()).isBetween(200, 499);
        }
        assertThat(failures).isEmpty();
    }
}
