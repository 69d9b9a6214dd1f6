package org.csbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program from outside Maven (Chromium, python3 with nbclient): skipped where it is missing, but
 * failed when {@code CSBENCH_REQUIRE_TOOLS} is set, as CI sets it after installing them (.ci/run).
 */
public final class RequiredTools {
    public static final String VARIABLE = "CSBENCH_REQUIRE_TOOLS";

    private RequiredTools() {
    }

    /** Fails when {@code present} is false and the tools are required; otherwise skips the test class or test. */
    public static void requireOrSkip(boolean present, String what, String install) {
        if (System.getenv(VARIABLE) != null) {
            assertTrue(present, VARIABLE + " is set but " + what + " is missing: " + install);
        }
        Assumptions.assumeTrue(present, what + " is not installed (" + install + ")");
    }
}
