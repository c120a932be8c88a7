package org.scforge.cli;

import org.scforge.sim.GoldenModel;
import org.scforge.sim.ThroughputWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code scforge bench}: the golden model's speed on the path a user gets (this JVM, the engine's kernel,
 * every core), on the workload of the JMH benchmark (docs/benchmarks.md). JMH stays the tool for the
 * figures in the docs; this is the number for "how fast is it here".
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the golden model on the MNIST-shaped 50-128-10 network at L = 512 for a few seconds "
                + "and print frames/s, the JDK, the kernel and the threads.")
public final class BenchCommand implements Callable<Integer> {

    /** Frames per batch: enough to keep every core busy, few enough to check the clock often. */
    static final int BATCH = 256;
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "measure for S seconds (1 .. 600) after a warm-up of S seconds (default: ${DEFAULT-VALUE})")
    int seconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionLimits.within("--seconds", seconds, 600);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ThroughputWorkload workload = ThroughputWorkload.mnistShaped(BATCH);
        GoldenModel model = workload.model();
        int[][] frames = workload.frames();
        err.println("bench: the golden model on " + model.network().summary() + "; warming up for " + seconds + " s");
        err.flush();
        run(model, frames, seconds * 1_000_000_000L);
        err.println("bench: measuring for " + seconds + " s");
        err.flush();
        long[] counted = run(model, frames, seconds * 1_000_000_000L);
        double perSecond = counted[0] / (counted[1] / 1e9);
        out.printf("frames/s: %.0f (JDK %s, kernel %s, %d threads)%n", perSecond, System.getProperty("java.version"),
                GoldenModel.kernel(), Runtime.getRuntime().availableProcessors());
        return ExitCodes.OK;
    }

    /** Whole batches until {@code nanos} have passed: {frames run, nanoseconds taken}. */
    private static long[] run(GoldenModel model, int[][] frames, long nanos) {
        long start = System.nanoTime();
        long done = 0;
        long elapsed;
        do {
            model.runAll(frames);
            done += frames.length;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new long[] {done, elapsed};
    }
}
