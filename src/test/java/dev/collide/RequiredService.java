package dev.collide;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A service a test needs (PostgreSQL, Chromium) is missing. Under CI ({@code CI=true}) the test fails, so a broken
 * CI image cannot turn tests off unseen (issue 17 item 11); on a developer's machine it is skipped with the message.
 */
public final class RequiredService {
    private RequiredService() {
    }

    /** True when the environment says this is a CI run ({@code CI=true}, as GitHub Actions and GitLab set it). */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails under CI, else aborts (skips) the calling test; never returns normally. */
    public static void missing(String message) {
        if (isCi()) {
            Assertions.fail("CI=true and a required service is missing: " + message);
        }
        Assumptions.abort(message);
    }
}
