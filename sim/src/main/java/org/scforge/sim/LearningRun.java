package org.scforge.sim;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning run of the golden model (docs/semantics.md, section 12): frames one after another, each with
 * learning on or off, the learning layers' weight codes kept from frame to frame. It starts from the
 * network's weights (the model file's) and {@link #reset()} returns to them, as {@code rst} does.
 *
 * <pre>{@code
 * LearningRun run = LearningRun.of(network);
 * for (int[] codes : frames) run.frame(codes, true);      // learn
 * FrameCounts c = run.frame(test, false);                  // infer with the learned weights
 * Network learned = run.network();                         // save it with ModelFile.save
 * }</pre>
 *
 * <p>A frame with learning on runs on the trace path (the weights change within it, which the batch
 * engine does not model); one with learning off runs on the batch engine with the current weights, and
 * {@link #trace} runs either on the trace path. The run holds state: use one per thread.
 */
public final class LearningRun {

    private final Network initial;
    private final ReferenceSimulator reference;
    /** The learning layers by pipeline index (image layers first, then the dense layers). */
    private final Map<Integer, StdpLayer> learning = new LinkedHashMap<>();
    /** The network with the current weights, and its batch model: built when first needed after a change. */
    private Network current;
    private GoldenModel currentModel;
    /** Frames run with learning on since the run began (or was reset): the homeostasis decay counts them. */
    private long learningFrames;

    private LearningRun(Network network) {
        this.initial = network;
        this.reference = new ReferenceSimulator(network);
        reset();
    }

    /** A run from the weights of {@code network}; a network without a learning layer runs as it always does. */
    public static LearningRun of(Network network) {
        return new LearningRun(network);
    }

    /** Back to the network's own weights ({@code rst}): the codes learned so far are forgotten. */
    public void reset() {
        learning.clear();
        List<DenseLayer> layers = initial.layers();
        int offset = initial.imageLayers().size();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).learns()) {
                learning.put(offset + l, new StdpLayer(initial, layers.get(l)));
            }
        }
        current = initial;
        currentModel = null;
        learningFrames = 0;
    }

    /** True when the network has at least one learning layer. */
    public boolean learns() {
        return !learning.isEmpty();
    }

    /**
     * One frame: the counts of every layer (spike counts, and the readout's signed counts) and the class,
     * as {@link GoldenModel#run} gives them. With {@code learn} the learning layers update their weights.
     */
    public FrameCounts frame(int[] codes, boolean learn) {
        if (!learn || learning.isEmpty()) {
            return model().run(codes);
        }
        return countsOf(trace(codes, true));
    }

    /** One frame on the trace path, every step recorded; with {@code learn}, every weight update too. */
    public Trace trace(int[] codes, boolean learn) {
        if (!learn || learning.isEmpty()) {
            return new ReferenceSimulator(network()).run(codes);
        }
        Trace trace = reference.run(codes, learning);
        learningFrames++;
        for (StdpLayer learner : learning.values()) {
            learner.endLearningFrame(learningFrames);
        }
        // the codes or the threshold offsets may have changed
        current = null;
        currentModel = null;
        return trace;
    }

    /** The current weight codes of layer {@code layer}, {@code [neuron][input]}; an IllegalArgumentException for an unknown layer. */
    public IntMatrix weights(String layer) {
        for (StdpLayer learner : learning.values()) {
            if (learner.name().equals(layer)) {
                return IntMatrix.of(learner.codes());
            }
        }
        return network().layers().stream().filter(l -> l.name().equals(layer)).findFirst()
                .map(DenseLayer::weights)
                .orElseThrow(() -> new IllegalArgumentException("network '" + initial.name() + "' has no dense layer '"
                        + layer + "'"));
    }

    /**
     * The current threshold offsets of learning layer {@code layer} (docs/semantics.md section 12.5), one per neuron, all
     * 0 without homeostasis; an IllegalArgumentException for a layer that does not learn.
     */
    public int[] offsets(String layer) {
        for (StdpLayer learner : learning.values()) {
            if (learner.name().equals(layer)) {
                return learner.offsets().clone();
            }
        }
        throw new IllegalArgumentException("network '" + initial.name() + "' has no learning layer '" + layer + "'");
    }

    /**
     * The network with the weights (and threshold offsets) learned so far, rules kept: what a model file of the
     * run stores.
     */
    public Network network() {
        if (current == null) {
            List<DenseLayer> layers = new ArrayList<>(initial.layers());
            int offset = initial.imageLayers().size();
            for (Map.Entry<Integer, StdpLayer> e : learning.entrySet()) {
                DenseLayer layer = layers.get(e.getKey() - offset);
                layers.set(e.getKey() - offset, layer.withWeights(IntMatrix.of(e.getValue().codes()), layer.bias())
                        .withLearning(e.getValue().learnedRule()));
            }
            current = initial.withLayers(layers);
        }
        return current;
    }

    private GoldenModel model() {
        if (currentModel == null) {
            currentModel = GoldenModel.of(network());
        }
        return currentModel;
    }

    /** The counts {@link GoldenModel#run} gives, from a trace: spikes per neuron, the readout's final counts. */
    static FrameCounts countsOf(Trace trace) {
        List<Trace.LayerTrace> layers = trace.layers();
        int[][] counts = new int[layers.size()][];
        for (int l = 0; l < layers.size() - 1; l++) {
            int[][] spikes = layers.get(l).spikes();
            counts[l] = new int[spikes.length == 0 ? 0 : spikes[0].length];
            for (int[] step : spikes) {
                for (int j = 0; j < step.length; j++) {
                    counts[l][j] += step[j];
                }
            }
        }
        counts[layers.size() - 1] = trace.readoutCounts().clone();
        return new FrameCounts(counts, trace.predictedClass());
    }
}
