package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.LearningRun;
import org.scforge.sim.Trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Lock-step co-simulation of a generated design against the golden model: frame by frame, every readout
 * count, the class and the done timing; with trace, every spike and membrane of every layer at every step;
 * then the handshake of docs/rtl.md ({@link HandshakeCheck}: busy, done as a level, outputs 0 after rst,
 * start and rst in the middle of a frame).
 *
 * <pre>{@code
 * CosimReport r = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true).run(frames);
 * }</pre>
 */
public final class Cosim {

    private final Network network;
    private final DutSources design;
    private Simulator simulator = Simulator.VERILATOR;
    private boolean trace;
    private java.util.function.IntPredicate learnsFrame = frame -> true;
    private ModelBuilder builder = ModelBuilder.standard();
    private Path wave;
    private IntConsumer progress = frame -> { };

    private Cosim(Network network, DutSources design) {
        this.network = Objects.requireNonNull(network);
        this.design = Objects.requireNonNull(design);
    }

    /** {@code network} is the golden model's network; {@code design} the RTL to check against it. */
    public static Cosim of(Network network, DutSources design) {
        return new Cosim(network, design);
    }

    public Cosim simulator(Simulator s) {
        this.simulator = s;
        return this;
    }

    /** Compare every layer's spikes and membranes at every step (needs a design with trace ports). */
    public Cosim trace(boolean on) {
        this.trace = on;
        return this;
    }

    /**
     * For a network with a learning layer: run every frame with learning on (the default) or off (docs/cosim.md,
     * "Learning runs"). The golden model is a {@link LearningRun} either way; without a learning layer it changes nothing.
     */
    public Cosim learn(boolean on) {
        this.learnsFrame = frame -> on;
        return this;
    }

    /**
     * For a network with a learning layer: frames {@code 0 .. frames - 1} learn, the rest run with learning off, with
     * what the first ones learned (weights and threshold offsets).
     */
    public Cosim learnFirst(int frames) {
        this.learnsFrame = frame -> frame < frames;
        return this;
    }

    public Cosim builder(ModelBuilder b) {
        this.builder = b;
        return this;
    }

    /** Write a VCD of the whole run to this file. */
    public Cosim wave(Path file) {
        this.wave = file;
        return this;
    }

    /** Called with the number of frames done after each frame. */
    public Cosim progress(IntConsumer onFrame) {
        this.progress = onFrame;
        return this;
    }

    /** Builds (or reuses) the simulator model and runs the frames. */
    public CosimReport run(int[][] frames) {
        BuiltModel model = builder.build(design, simulator, wave != null);
        try (BridgeDut dut = BridgeDut.start(model, wave)) {
            return run(dut, frames, model.buildSeconds());
        }
    }

    /** Runs the frames on a started design; lets many checks share one simulator process. */
    public CosimReport run(Dut dut, int[][] frames, double buildSeconds) {
        if (trace && !dut.ports().hasTrace()) {
            throw new IllegalArgumentException("trace comparison needs a design generated with trace ports");
        }
        GoldenModel golden = GoldenModel.of(network);
        // a network with a learning layer: a learning run of the golden model, which keeps what the layers learn
        LearningRun learningRun = LearningRun.of(network);
        FrameComparator comparator = new FrameComparator(network, dut.ports());
        List<DutPorts.LearningLayer> learning = dut.ports().learning();
        int maxEdges = comparator.doneEdge() + 8;
        long rtlNanos = 0;
        long goldenNanos = 0;
        dut.poke("rst", 1);
        dut.step(1);
        dut.poke("rst", 0);
        FrameCounts last = null;
        for (int f = 0; f < frames.length; f++) {
            boolean learn = learnsFrame.test(f);
            if (dut.ports().learns()) {
                dut.poke("learn", learn ? 1 : 0);
            }
            List<int[][]> startCodes = dut.ports().parallelLearning().stream()
                    .map(l -> learningRun.weights(l.name()).toArray()).toList();
            long t0 = System.nanoTime();
            FrameResult rtl = dut.frame(CodePacking.pack(frames[f], network.inputCode()), maxEdges, trace);
            long t1 = System.nanoTime();
            if (trace) {
                Trace g = learningRun.learns() ? learningRun.trace(frames[f], learn) : golden.trace(frames[f]);
                goldenNanos += System.nanoTime() - t1;
                comparator.compareResult(f, rtl, g.readoutCounts(), g.predictedClass());
                comparator.compareTrace(f, rtl, g);
                comparator.compareWeightTrace(f, rtl, g, startCodes);
                last = new FrameCounts(new int[][] {g.readoutCounts()}, g.predictedClass());
            } else {
                FrameCounts g = learningRun.learns() ? learningRun.frame(frames[f], learn) : golden.run(frames[f]);
                goldenNanos += System.nanoTime() - t1;
                comparator.compareResult(f, rtl, g.readout(), g.predictedClass());
                last = g;
            }
            long t2 = System.nanoTime();
            // what the frame left in every learning layer: every weight code and threshold offset, read once the frame is
            // done (the offsets' decay happens at the done edge)
            for (DutPorts.LearningLayer layer : learning) {
                comparator.compareWeights(f, rtl.doneEdge(), layer, layer.codes(dut),
                        learningRun.weights(layer.name()).toArray());
                if (layer.offsetBits() > 0) {
                    comparator.compareOffsets(f, rtl.doneEdge(), layer, dut.peek(layer.offsetsPort()),
                            learningRun.offsets(layer.name()));
                }
            }
            rtlNanos += t1 - t0 + System.nanoTime() - t2;
            progress.accept(f + 1);
        }
        HandshakeCheck handshake = new HandshakeCheck(dut, comparator.doneEdge());
        if (frames.length > 0) {
            if (dut.ports().learns()) {
                // the handshake's frames run after rst with learning off: the golden model's frames with the file's weights
                dut.poke("learn", 0);
            }
            handshake.run(network, frames[0], frames[frames.length - 1], last);
        }
        return new CosimReport(dut.simulator(), frames.length, comparator.compared(), comparator.mismatches(),
                comparator.first(), handshake.checks(), handshake.failure(), perSecond(frames.length, rtlNanos),
                perSecond(frames.length, goldenNanos), buildSeconds, comparator.weightsCompared(),
                comparator.weightMismatches());
    }

    private static double perSecond(int frames, long nanos) {
        return nanos == 0 ? 0 : frames / (nanos / 1e9);
    }
}
