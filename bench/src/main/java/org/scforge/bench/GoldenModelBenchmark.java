package org.scforge.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.ThroughputWorkload;

import java.util.concurrent.TimeUnit;

/**
 * Frames per second of the golden model on a 50-128-10 network (sm8 inputs, 8-bit weights, L = 512,
 * default source plan, random weights in range). Every score is frames per second: the batch
 * benchmarks count each frame of the batch as one operation. Synapse-bit operations per second are
 * frames/s x synapses x L (the setup prints synapses and the weight-stream table size). The kernel is the
 * golden model's default (docs/benchmarks.md, "Vector API kernel"): on JDK 21+ pass
 * {@code -jvmArgsAppend "--add-modules jdk.incubator.vector"} for the vector one, {@code -Dscforge.kernel=scalar} to compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class GoldenModelBenchmark {

    static final int BATCH = 1024;

    GoldenModel model;
    int[][] frames;
    int[][] counts;
    int next;

    /** The workload: the MNIST-shaped dense network; {@link ConvForwardBenchmark} runs the conv one. */
    ThroughputWorkload workload() {
        return ThroughputWorkload.mnistShaped(BATCH);
    }

    @Setup(Level.Trial)
    public void setUp() {
        ThroughputWorkload workload = workload();
        model = workload.model();
        frames = workload.frames();
        counts = model.newCounts();
        System.out.printf("%n[bench] %s; synapses %d; synapse-bits per frame %d; weight streams %d bytes; kernel %s; JDK %s%n",
                model.network().summary(), model.network().synapses(), model.network().synapses() * model.network().length(),
                model.weightStreamBytes(), GoldenModel.kernelDescription(), System.getProperty("java.version"));
    }

    /** Both cores: runAll over a batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public FrameCounts[] runAllBatch() {
        return model.runAll(frames);
    }

    /** One thread, one frame per operation, with its FrameCounts result. */
    @Benchmark
    public FrameCounts runSingleThread() {
        int[] frame = frames[next];
        next = (next + 1) % BATCH;
        return model.run(frame);
    }

    /** One thread, one frame per operation, counts written into a reused array (the trainer's path). */
    @Benchmark
    public int runIntoSingleThread() {
        int[] frame = frames[next];
        next = (next + 1) % BATCH;
        return model.runInto(frame, counts);
    }
}
