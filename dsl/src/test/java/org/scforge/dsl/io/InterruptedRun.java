package org.scforge.dsl.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run to be stopped by {@link InterruptionTest}: while it writes a claimed output folder, it
 * starts a shell that starts a child of its own (as make starts g++), says "ready" and waits.
 */
public final class InterruptedRun {

    private InterruptedRun() {
    }

    private static void pause(long millis) throws java.io.IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted", e);
        }
    }

    public static void main(String[] args) throws Exception {
        // as a command writes its output folder: claimed (a lock file beside it), then put together aside
        try (Claim claim = OutputFolder.of(Path.of(args[0]), new Manifest("test", "0")).claim()) {
            claim.publish(dir -> {
                Files.writeString(dir.resolve("half"), "written so far");
                new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300").inheritIO().start();
                pause(500); // the shell's own child is started
                System.out.println("ready");
                System.out.flush();
                pause(300_000);
                return null;
            });
        }
    }
}
