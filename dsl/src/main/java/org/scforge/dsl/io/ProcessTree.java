package org.scforge.dsl.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child process together with every process it started. {@link Process#destroyForcibly} alone
 * stops only the child: what the child started lives on under init. iverilog, for one, runs
 * {@code sh -c "ivlpp ... | ivl ..."}, so a timed-out iverilog killed alone leaves ivl running; on a mutant
 * whose generate loop never ends, ivl then grows by about 0.5 GB a second until the kernel's OOM killer
 * stops it, and the whole machine crawls in the meantime (CI of 2026-12-07: 22 GB, a one-second g++ run
 * took over 7 minutes of CPU time in reclaim). {@code make} leaves its g++ runs the same way.
 */
public final class ProcessTree {

    private static final long WAIT_SECONDS = 5;

    private ProcessTree() {
    }

    /**
     * Kills {@code process} and all its descendants (SIGKILL), then waits up to a few seconds for them to
     * end. The descendants are listed before anything is killed, since once their parent is gone they are
     * no longer its descendants.
     */
    public static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        // the parent first, so that it starts nothing more; then what it had started
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // not gone after WAIT_SECONDS (a process in uninterruptible I/O): SIGKILL ends it later
            }
        }
    }
}
