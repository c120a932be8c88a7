package org.scforge.harness;

import org.opentest4j.TestAbortedException;

/**
 * What a hardware test does when a simulator is missing: under CI ({@code CI=true}) it fails, since a
 * skipped co-simulation proves nothing; locally it is skipped with a message naming the Debian package.
 * Never a silent pass.
 */
public final class ToolPolicy {

    private ToolPolicy() {
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(Simulator simulator) {
        if (simulator.available()) {
            return;
        }
        String message = new ToolMissingException(simulator).getMessage();
        if (underCi()) {
            throw new AssertionError("CI=true: " + message);
        }
        throw new TestAbortedException(message);
    }
}
