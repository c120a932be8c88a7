package org.scforge.sim;

import org.scforge.dsl.Network;

import java.util.stream.IntStream;

/**
 * The golden model of a network: the single source of truth that RTL, test benches and reports are
 * checked against (docs/semantics.md). Build one per network (it precomputes the weight bitstreams,
 * which do not depend on the input) and run frames through it; it is immutable and safe to share
 * between threads.
 *
 * <p>{@link #run}, {@link #runAll}, {@link #runInto} and {@link #predict} use the fast batch engine;
 * {@link #trace} uses {@link ReferenceSimulator}, which records every step. Tests hold the two equal.
 *
 * <p>Every frame here runs with learning off (docs/semantics.md, section 12.2): a learning layer is the
 * layer with the network's weights, and, where its rule has winner-take-all or learned threshold offsets, those
 * too; such a network runs every frame on the trace path, since the batch engine runs each neuron on its own at
 * the layer's threshold. Frames that learn run in a {@link LearningRun} ({@link #learningRun()}).
 */
public final class GoldenModel {

    private final Network network;
    private final ReferenceSimulator reference;
    private final BatchEngine engine;
    /**
     * True when a layer's rule shapes its spikes with learning off (winner-take-all or learned threshold
     * offsets, docs/semantics.md sections 12.4 and 12.5), which the batch engine does not model: every frame
     * then runs on the trace path.
     */
    private final boolean tracePathOnly;
    /** Per-thread working memory, so that frames allocate nothing but their results. */
    private final ThreadLocal<BatchEngine.Scratch> scratch;

    private GoldenModel(Network network, BatchKernel kernel) {
        this.network = network;
        this.reference = new ReferenceSimulator(network);
        this.engine = new BatchEngine(network, kernel);
        this.tracePathOnly = network.layers().stream()
                .anyMatch(l -> l.learning().map(org.scforge.dsl.Stdp::shapesInference).orElse(false));
        this.scratch = ThreadLocal.withInitial(engine::newScratch);
    }

    /**
     * The model on this JVM's kernel ({@link #kernel()}); an {@link IllegalArgumentException} when
     * {@code -Dscforge.kernel} names one it cannot run.
     */
    public static GoldenModel of(Network network) {
        return new GoldenModel(network, Kernels.chosen());
    }

    /** The model on a given kernel: the tests hold every kernel equal to the trace path. */
    static GoldenModel of(Network network, BatchKernel kernel) {
        return new GoldenModel(network, kernel);
    }

    /**
     * The inner-loop kernel every model of this JVM runs, chosen once: {@code vector} (the Vector API,
     * JDK 21 or later with {@code --add-modules jdk.incubator.vector}) or {@code scalar}; {@code -Dscforge.kernel}
     * overrides. An {@link IllegalArgumentException} with a one-line reason when the property is wrong.
     */
    public static String kernel() {
        return Kernels.chosen().name();
    }

    /** {@link #kernel()} with what it runs on, e.g. the vector width, for {@code --version}. */
    public static String kernelDescription() {
        return Kernels.chosen().description();
    }

    public Network network() {
        return network;
    }

    /** One frame: spike counts per hidden neuron, signed counts of the readout, the class. */
    public FrameCounts run(int[] codes) {
        if (tracePathOnly) {
            return LearningRun.countsOf(reference.run(codes));
        }
        int[][] counts = engine.newCounts();
        int predicted = engine.run(codes, counts, scratch.get());
        return new FrameCounts(counts, predicted);
    }

    /** Many frames, in parallel over the machine's cores; result {@code i} belongs to {@code frames[i]}. */
    public FrameCounts[] runAll(int[][] frames) {
        FrameCounts[] out = new FrameCounts[frames.length];
        IntStream.range(0, frames.length).parallel().forEach(i -> out[i] = run(frames[i]));
        return out;
    }

    /**
     * One frame without allocation: writes the counts of layer {@code l}, neuron {@code j} into
     * {@code counts[l][j]} (spike counts for hidden layers, signed counts for the readout) and returns
     * the class. {@code counts} must be shaped as {@link #newCounts()}. For trainers that run many frames.
     */
    public int runInto(int[] codes, int[][] counts) {
        if (tracePathOnly) {
            FrameCounts frame = run(codes);
            for (int l = 0; l < counts.length; l++) {
                System.arraycopy(frame.layerCounts()[l], 0, counts[l], 0, counts[l].length);
            }
            return frame.predictedClass();
        }
        return engine.run(codes, counts, scratch.get());
    }

    /** An array shaped for {@link #runInto}: one row per layer, one entry per neuron. */
    public int[][] newCounts() {
        return engine.newCounts();
    }

    /** The class of one frame (the readout's argmax). */
    public int predict(int[] codes) {
        if (tracePathOnly) {
            return run(codes).predictedClass();
        }
        return engine.run(codes, engine.newCounts(), scratch.get());
    }

    /** The class of each frame, in parallel over the machine's cores. */
    public int[] predictAll(int[][] frames) {
        int[] out = new int[frames.length];
        IntStream.range(0, frames.length).parallel().forEach(i -> out[i] = predict(frames[i]));
        return out;
    }

    /** One frame with every step of every neuron recorded (the trace path). */
    public Trace trace(int[] codes) {
        return reference.run(codes);
    }

    /**
     * A learning run from this network's weights (docs/semantics.md, section 12): frames with learning on
     * or off, the learned weights kept from frame to frame.
     */
    public LearningRun learningRun() {
        return LearningRun.of(network);
    }

    /** Bytes held by the precomputed weight bitstreams. */
    public long weightStreamBytes() {
        return engine.weightStreamBytes();
    }
}
