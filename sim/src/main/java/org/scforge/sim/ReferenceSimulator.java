package org.scforge.sim;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.PoolLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Synapse;

import java.util.ArrayList;
import java.util.List;

/**
 * The golden model written as plainly as docs/semantics.md reads: one step at a time, one synapse at a
 * time, every value recorded. It is the trace path; the fast batch engine is held equal to it by tests.
 */
public final class ReferenceSimulator {

    private final Network network;
    /** Per step, the top bits each input SNG compares with, before its mask. */
    private final int[] inputNumbers;
    /** Per layer, per step, the top bits the layer's weight SNGs compare with, before masks. */
    private final int[][] weightNumbers;
    /** Per layer, its weight plan's input masks and neuron masks (null for a pool). */
    private final int[][] layerInputMasks;
    private final int[][] layerNeuronMasks;
    /** Per layer, its weight codes {@code [neuron][input]} (null for a pool). */
    private final int[][][] layerWeights;
    /**
     * Per layer, the threshold offsets of a layer whose rule shapes its spikes with learning off (section
     * 12.4, 12.5), else null: such a layer fires by {@link StdpLayer#fire} in every frame.
     */
    private final int[][] inferenceOffsets;

    public ReferenceSimulator(Network network) {
        this.network = network;
        int length = network.length();
        Source in = network.source(network.inputPlan().source()).orElseThrow();
        this.inputNumbers = SourceSequence.top(SourceSequence.values(in, length), in.width(),
                network.inputSynapse().comparedBits(network.inputCode().magnitudeBits()));
        List<DenseLayer> kernels = kernels(network);
        this.weightNumbers = new int[kernels.size()][];
        this.layerInputMasks = new int[kernels.size()][];
        this.layerNeuronMasks = new int[kernels.size()][];
        this.inferenceOffsets = new int[kernels.size()][];
        this.layerWeights = new int[kernels.size()][][];
        for (int l = 0; l < kernels.size(); l++) {
            DenseLayer kernel = kernels.get(l);
            if (kernel == null) {
                continue; // a pool layer has no weights, so no numbers and no masks
            }
            weightNumbers[l] = BatchEngine.weightNumbers(network, kernel);
            layerInputMasks[l] = kernel.plan().inputMasks().stream().mapToInt(Integer::intValue).toArray();
            layerNeuronMasks[l] = kernel.plan().neuronMasks().stream().mapToInt(Integer::intValue).toArray();
            layerWeights[l] = kernel.weights().toArray();
            inferenceOffsets[l] = kernel.learning().filter(org.scforge.dsl.Stdp::shapesInference)
                    .map(rule -> StdpLayer.offsets(rule, kernel.neurons())).orElse(null);
        }
    }

    /** The layers' weights in pipeline order: each conv layer's kernel (null for a pool), then the dense layers. */
    private static List<DenseLayer> kernels(Network network) {
        List<DenseLayer> kernels = new ArrayList<>();
        network.imageLayers().forEach(image -> kernels.add(image instanceof ConvLayer c ? c.kernel() : null));
        kernels.addAll(network.layers());
        return kernels;
    }

    public Network network() {
        return network;
    }

    /** Runs one frame of input codes, learning off, and records every step. */
    public Trace run(int[] codes) {
        return run(codes, java.util.Map.of());
    }

    /**
     * Runs one frame and records every step; the layers in {@code learning} (by pipeline index: image layers
     * first, then dense) learn as docs/semantics.md section 12 says, with the codes they hold and change, and
     * the trace lists their updates. Every other layer, and every layer when {@code learning} is empty, is
     * the plain layer of sections 5 and 6.
     */
    Trace run(int[] codes, java.util.Map<Integer, StdpLayer> learning) {
        if (codes.length != network.inputs()) {
            throw new IllegalArgumentException("a frame has " + codes.length + " codes, the network has "
                    + network.inputs() + " inputs");
        }
        int length = network.length();
        List<Integer> inputMasks = network.inputPlan().masks();
        Synapse inputSynapse = network.inputSynapse();
        int inputBits = network.inputCode().magnitudeBits();
        int weightBits = network.weightBits();
        // bits[t][i] and signs[i] of the current layer's inputs
        int fanIn = network.inputs();
        int[][] bits = new int[length][fanIn];
        int[] signs = new int[fanIn];
        for (int i = 0; i < fanIn; i++) {
            if (!network.inputCode().accepts(codes[i])) {
                throw new IllegalArgumentException("code " + codes[i] + " of input " + i + " does not fit "
                        + network.inputCode().shortName());
            }
            // |c| with the sign apart (and), or the offset code c + 2^k whose stream carries the sign (xnor)
            int compared = inputSynapse.comparedCode(codes[i], inputBits);
            signs[i] = inputSynapse == Synapse.AND && codes[i] < 0 ? -1 : 1;
            for (int t = 0; t < length; t++) {
                bits[t][i] = compared > (inputNumbers[t] ^ inputMasks.get(i)) ? 1 : 0;
            }
        }
        List<Trace.LayerTrace> traces = new ArrayList<>();
        List<ImageLayer> images = network.imageLayers();
        List<DenseLayer> kernels = kernels(network);
        int[] counts = null;
        List<Trace.WeightUpdate> updates = new ArrayList<>();
        for (int l = 0; l < kernels.size(); l++) {
            ImageLayer image = l < images.size() ? images.get(l) : null;
            if (image instanceof PoolLayer pool) {
                traces.add(pool(pool, bits));
                bits = traces.get(l).spikes();
                continue;
            }
            DenseLayer layer = kernels.get(l);
            ConvLayer conv = image instanceof ConvLayer c ? c : null;
            StdpLayer learner = learning.get(l);
            int n = conv != null ? conv.neurons() : layer.neurons();
            int[][] sums = new int[length][n];
            int[][] spikes = new int[length][n];
            long[][] state = new long[length][n];
            long[] v = new long[n];
            if (learner != null) {
                learner.startFrame();
            }
            int[] firing = new int[layer.fanIn()];
            for (int t = 0; t < length; t++) {
                int r = weightNumbers[l][t];
                // a learning layer's codes change between steps: the sums read them as the step starts
                int[][] weights = learner != null ? learner.codes() : layerWeights[l];
                // an and synapse adds nothing while its input is silent: only the inputs that fire are read
                int on = 0;
                for (int i = 0; i < bits[t].length && conv == null && !layer.isXnor(); i++) {
                    if (bits[t][i] == 1) {
                        firing[on++] = i;
                    }
                }
                for (int j = 0; j < n; j++) {
                    sums[t][j] = conv != null ? convSum(conv, j, r, bits[t], signs, weightBits)
                            : denseSum(layer, weights, j, r ^ layerNeuronMasks[l][j], layerInputMasks[l], bits[t], firing, on,
                            signs, weightBits);
                }
                if (learner != null) {
                    spikes[t] = learner.step(t, bits[t], sums[t], v, updates);
                } else if (inferenceOffsets[l] != null) {
                    spikes[t] = StdpLayer.fire((NeuronModel.IntegrateAndFire) layer.neuron(),
                            layer.learning().orElseThrow().wta(), inferenceOffsets[l], sums[t], v);
                } else {
                    for (int j = 0; j < n; j++) {
                        spikes[t][j] = step(layer.neuron(), v, j, sums[t][j]);
                    }
                }
                for (int j = 0; j < n; j++) {
                    state[t][j] = v[j];
                }
            }
            traces.add(new Trace.LayerTrace(layer.name(), sums, spikes, state));
            if (layer.isReadout()) {
                counts = new int[n];
                for (int j = 0; j < n; j++) {
                    counts[j] = (int) v[j];
                }
            }
            bits = spikes;
            signs = new int[n];
            java.util.Arrays.fill(signs, 1);
        }
        return new Trace(traces, counts, Readout.argmax(counts), updates);
    }

    /**
     * {@code S_j(t)} of a dense layer (section 5) at weight number {@code r} (already XORed with the neuron's
     * mask), from the inputs' bits {@code x} and signs: each synapse by its kind, the bias last (its input always
     * fires). Only the inputs listed in {@code firing[0 .. on)} are read: for {@code and} synapses the ones that
     * fire (a silent input adds nothing), for {@code xnor} every input. {@code codes} are the weight codes,
     * {@code [neuron][input]}: a learning layer's current ones, else the layer's.
     */
    private static int denseSum(DenseLayer layer, int[][] codes, int j, int r, int[] inputMasks, int[] x,
                                int[] firing, int on, int[] signs, int weightBits) {
        int[] row = codes[j];
        int bias = layer.bias().get(j);
        if (!layer.isXnor()) {
            // and (section 5.1): a firing input whose weight stream fires adds the weight's sign times its own
            int sum = 0;
            for (int k = 0; k < on; k++) {
                int i = firing[k];
                int w = row[i];
                if (Math.abs(w) > (r ^ inputMasks[i])) {
                    sum += w < 0 ? -signs[i] : signs[i];
                }
            }
            if (Math.abs(bias) > (r ^ inputMasks[row.length])) {
                sum += bias < 0 ? -1 : 1;
            }
            return sum;
        }
        // xnor (section 5.2): every synapse, bipolar: agree +1, differ -1
        int sum = 0;
        for (int i = 0; i <= row.length; i++) {
            int w = i < row.length ? row[i] : bias;
            int input = i < row.length ? x[i] : 1;
            int wBit = Synapse.XNOR.comparedCode(w, weightBits) > (r ^ inputMasks[i]) ? 1 : 0;
            sum += input == wBit ? 1 : -1;
        }
        return sum;
    }

    /**
     * {@code S(t)} of neuron {@code j} of a conv layer (section 11.3): tap {@code q} reads the pixel
     * {@link ConvLayer#inputOf} names, padding never fires, and the weight streams are the kernel's,
     * one per channel and tap.
     */
    private static int convSum(ConvLayer conv, int j, int r, int[] x, int[] signs, int weightBits) {
        DenseLayer kernel = conv.kernel();
        int taps = conv.taps();
        int k = conv.channelOf(j);
        int rowMask = kernel.plan().neuronMasks().get(k);
        int sum = 0;
        for (int q = 0; q <= taps; q++) {
            int pixel = q < taps ? conv.inputOf(j, q) : -1;
            int w = q < taps ? kernel.weights().get(k, q) : kernel.bias().get(k);
            int input = q < taps ? (pixel < 0 ? 0 : x[pixel]) : 1;
            int wBit = Synapse.AND.comparedCode(w, weightBits) > (r ^ rowMask ^ kernel.plan().inputMasks().get(q)) ? 1 : 0;
            if ((input & wBit) == 1) {
                sum += (w < 0 ? -1 : 1) * (q < taps ? signs[pixel] : 1);
            }
        }
        return sum;
    }

    /**
     * An OR pool (section 11.5): at each step, output {@code j} spikes when any input of its window
     * does. Its "sum" is how many of them did; it holds no state.
     */
    private static Trace.LayerTrace pool(PoolLayer pool, int[][] bits) {
        int length = bits.length;
        int n = pool.neurons();
        int[][] sums = new int[length][n];
        int[][] spikes = new int[length][n];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < pool.taps(); q++) {
                    sums[t][j] += bits[t][pool.inputOf(j, q)];
                }
                spikes[t][j] = sums[t][j] > 0 ? 1 : 0;
            }
        }
        return new Trace.LayerTrace(pool.name(), sums, spikes, new long[length][n]);
    }

    /**
     * One step of neuron {@code j} with per-step sum {@code sum} (section 6): an integrate-and-fire
     * membrane leaks, adds, fires at the threshold (and subtracts it) and is clamped; a counter adds.
     * Returns the spike.
     */
    static int step(NeuronModel neuron, long[] v, int j, int sum) {
        if (neuron instanceof NeuronModel.IntegrateAndFire f) {
            long leak = f.leakShift() == 0 ? 0 : v[j] >> f.leakShift();
            long u = v[j] - leak + sum;
            int spike = 0;
            if (u >= f.threshold()) {
                spike = 1;
                u -= f.threshold();
            }
            v[j] = Math.max(f.floor(), Math.min(f.ceiling(), u));
            return spike;
        }
        v[j] += sum;
        return 0;
    }
}
