package org.scforge.dsl;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a test that hangs into a test that fails, with what it was doing. A co-simulation test waits on
 * child processes (verilator, make, g++, a Verilator bridge, vvp) with no deadline of its own, so one that
 * never answers would hold the whole build until CI's limit and leave no trace of where. When a test
 * (a JUnit test or a jqwik property, each counted as a whole) has run for longer than
 * {@code scforge.test.hangMinutes} (system property; default {@value #DEFAULT_MINUTES}), this listener
 * prints every thread's stack and every child process's command line and CPU time to stderr, then kills
 * the child processes: the test's read from its simulator or its wait for its build then ends, and the test
 * fails with the harness's message ("the simulator exited", "verilator exited with ...") instead of hanging.
 * A hang in Java itself is left to surefire's {@code forkedProcessTimeoutInSeconds} (the parent pom), with
 * the stacks already printed. Registered in {@code META-INF/services}, so it watches every test of this
 * module and of every module whose tests use dsl's test jar (sim, generators, harness, harness-junit, cli, tests); the
 * longest test takes about 4 minutes with an empty Verilator cache.
 */
public final class HangWatchdog implements TestExecutionListener {

    static final int DEFAULT_MINUTES = 30;

    private final Duration limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "scforge-hang-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private final PrintStream err;

    /** The listener the service loader makes: the limit from {@code scforge.test.hangMinutes}. */
    public HangWatchdog() {
        this(Duration.ofMinutes(Integer.getInteger("scforge.test.hangMinutes", DEFAULT_MINUTES)), System.err);
    }

    HangWatchdog(Duration limit, PrintStream err) {
        this.limit = limit;
        this.err = err;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started(test.getUniqueId(), test.getDisplayName());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        finished(test.getUniqueId());
    }

    void started(String id, String name) {
        running.put(id, timer.schedule(() -> stop(id, name), limit.toMillis(), TimeUnit.MILLISECONDS));
    }

    void finished(String id) {
        ScheduledFuture<?> watch = running.remove(id);
        if (watch != null) {
            watch.cancel(false);
        }
    }

    private void stop(String id, String name) {
        err.println("scforge: " + name + " (" + id + ") has run for " + limit.toSeconds()
                + " s: it hangs. Its threads and child processes follow; the child processes are then killed,"
                + " so that the test fails instead of holding the build (scforge.test.hangMinutes sets the limit)");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            err.println("thread \"" + thread.getName() + "\" " + thread.getState());
            for (StackTraceElement frame : stack) {
                err.println("    at " + frame);
            }
        });
        ProcessHandle.current().descendants().forEach(child -> err.println("child " + child.pid() + " cpu "
                + child.info().totalCpuDuration().map(Duration::toString).orElse("?") + ": "
                + child.info().commandLine().orElse("?")));
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        err.flush();
    }
}
