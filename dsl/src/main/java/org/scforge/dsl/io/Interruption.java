package org.scforge.dsl.io;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a stopped scforge (SIGINT, SIGTERM: the JVM's shutdown hooks run) cleans up: every process it
 * started and their children ({@code make} and the {@code g++} it runs are not stopped with the JVM,
 * and would go on writing into a build folder), then its temporaries ({@link Temporaries#removeOwn}), then
 * its claims on output folders ({@link Claim#closeAllAtExit}: the lock files, and folders made but not filled).
 * At a normal end the children have ended already and the temporaries are gone, so this does nothing.
 * SIGKILL runs no hook: the next run's sweep removes the leftovers by their dead process id.
 */
public final class Interruption {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private Interruption() {
    }

    /** Installs the shutdown hook once; called by whatever starts a child process or makes a temporary. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Interruption::cleanUp, "scforge-interruption"));
        }
    }

    /**
     * For a thread whose child process just failed: when the failure is this hook's doing (the JVM is
     * being stopped), waits for the JVM to end instead of returning, so that the user sees no error
     * report of a build that was only stopped. Returns at once otherwise.
     */
    public static void awaitEndIfStopping() {
        while (STOPPING.get()) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void cleanUp() {
        STOPPING.set(true);
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            try {
                // they must be gone before their folders are removed, or they write into them again
                child.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still there after 2 s or not ours to wait on: go on with the rest
            }
        }
        Temporaries.removeOwn();
        Claim.closeAllAtExit();
    }
}
