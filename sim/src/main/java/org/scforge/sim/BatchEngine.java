package org.scforge.sim;

import org.scforge.dsl.Network;
import org.scforge.dsl.Source;

import java.util.List;

/**
 * The fast golden-model engine: bit-exact with {@link ReferenceSimulator} (held equal to it by
 * property tests), but it computes each per-step sum as popcounts over 64-bit words instead of one
 * synapse at a time. With {@code P = X & W} (input fires and weight fires) and {@code N = Xneg ^ Wneg}
 * (the synapses whose product is negative), {@code S_j(t) = popcount(P ^ N) - popcount(N)}. Both signs
 * are fixed for a frame, so {@code N} and its popcount are one row of words and one number per neuron,
 * computed once per frame for the first layer (whose inputs carry signs) and once per model for the
 * others (spikes are positive).
 * An xnor layer (section 5.2) needs no signs: {@code S_j(t) = (F + 1) - 2 * popcount(X ^ W)}.
 *
 * <p>Steps run in blocks: a layer runs all steps of a block before the next layer starts them, which
 * is the same result as step by step (a layer's step t depends only on its own state and the previous
 * layer's step t) and keeps one layer's table hot at a time. Immutable; every thread brings its own
 * {@link Scratch}. The inner loops are a {@link BatchKernel}'s, so that a JDK with the Vector API runs them
 * with wider instructions.
 */
final class BatchEngine {

    /** Steps per block: bounds scratch memory whatever L is. */
    private static final int BLOCK = 256;

    private final Network network;
    private final LayerStreams[] layers;
    private final int length;
    private final int inputs;
    /** Per step, the top bits the input SNGs compare with, before their masks. */
    private final int[] inputNumbers;
    private final int[] inputMasks;
    private final int inputWords;
    private final BatchKernel kernel;

    BatchEngine(Network network, BatchKernel kernel) {
        this.network = network;
        this.kernel = kernel;
        this.length = network.length();
        this.inputs = network.inputs();
        Source in = network.source(network.inputPlan().source()).orElseThrow();
        this.inputNumbers = SourceSequence.top(SourceSequence.values(in, length), in.width(),
                network.inputSynapse().comparedBits(network.inputCode().magnitudeBits()));
        this.inputMasks = network.inputPlan().masks().stream().mapToInt(Integer::intValue).toArray();
        this.inputWords = LayerStreams.wordsFor(inputs + 1);
        // conv and pool layers first, as the dense layers they equal, then the dense layers
        List<org.scforge.dsl.ImageLayer> images = network.imageLayers();
        List<org.scforge.dsl.DenseLayer> dense = network.layers();
        this.layers = new LayerStreams[images.size() + dense.size()];
        for (int l = 0; l < layers.length; l++) {
            org.scforge.dsl.ImageLayer image = l < images.size() ? images.get(l) : null;
            if (image instanceof org.scforge.dsl.PoolLayer pool) {
                layers[l] = LayerStreams.of(pool, length);
            } else if (image instanceof org.scforge.dsl.ConvLayer conv) {
                layers[l] = LayerStreams.of(conv, weightNumbers(network, conv.kernel()), network.weightBits());
            } else {
                org.scforge.dsl.DenseLayer layer = dense.get(l - images.size());
                layers[l] = LayerStreams.of(layer, weightNumbers(network, layer), network.weightBits());
            }
        }
    }

    /** Per step, the top bits the weight SNGs of {@code layer} compare with, before their masks. */
    static int[] weightNumbers(Network network, org.scforge.dsl.DenseLayer layer) {
        Source w = network.source(layer.plan().source()).orElseThrow();
        return SourceSequence.top(SourceSequence.values(w, network.length()), w.width(),
                layer.synapse().comparedBits(network.weightBits()));
    }

    /** Bytes of the precomputed weight-stream tables. */
    long weightStreamBytes() {
        long bytes = 0;
        for (LayerStreams layer : layers) {
            bytes += layer.tableBytes();
        }
        return bytes;
    }

    /** Arrays shaped for {@link #run}: one per layer, one entry per neuron. */
    int[][] newCounts() {
        int[][] counts = new int[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            counts[l] = new int[layers[l].neurons];
        }
        return counts;
    }

    Scratch newScratch() {
        return new Scratch();
    }

    /**
     * Runs one frame; writes spike counts (hidden layers) and signed counts (readout) into
     * {@code counts} (shaped as {@link #newCounts()}) and returns the class. Allocates nothing.
     */
    int run(int[] codes, int[][] counts, Scratch scratch) {
        checkCodes(codes);
        long[] xs = scratch.inputSigns;
        java.util.Arrays.fill(xs, 0L);
        int[] magnitude = scratch.magnitudes;
        org.scforge.dsl.Synapse inputSynapse = network.inputSynapse();
        int inputBits = network.inputCode().magnitudeBits();
        for (int i = 0; i < inputs; i++) {
            int c = codes[i];
            // |c| with the sign apart, or (xnor first layer) the offset code whose stream carries the sign
            magnitude[i] = inputSynapse.comparedCode(c, inputBits);
            if (c < 0) {
                xs[i >>> 6] |= 1L << i;
            }
        }
        for (int l = 0; l < layers.length; l++) {
            java.util.Arrays.fill(scratch.state[l], 0);
            java.util.Arrays.fill(counts[l], 0);
        }
        long[] firstSigns = scratch.firstLayerProductSigns;
        long[] firstNegatives = layers[0].negativeWeights;
        for (int k = 0; k < firstSigns.length; k++) {
            firstSigns[k] = firstNegatives[k] ^ xs[k % inputWords];
        }
        int[] firstNegativeCounts = scratch.firstLayerNegativeProducts;
        LayerStreams.countPerNeuron(firstSigns, layers[0].words, firstNegativeCounts);
        for (int t0 = 0; t0 < length; t0 += BLOCK) {
            int steps = Math.min(BLOCK, length - t0);
            inputBlock(t0, steps, magnitude, scratch.spikes[0]);
            for (int l = 0; l < layers.length; l++) {
                long[] productSigns = l == 0 ? firstSigns : layers[l].negativeWeights;
                int[] negativeProducts = l == 0 ? firstNegativeCounts : layers[l].negativeWeightCounts;
                long[] out = l + 1 < layers.length ? scratch.spikes[l + 1] : null;
                layerBlock(layers[l], t0, steps, scratch.spikes[l], productSigns, negativeProducts, scratch.state[l],
                        counts[l], out,
                        scratch.sums[l], scratch.stepSpikes[l]);
            }
        }
        int last = layers.length - 1;
        System.arraycopy(scratch.state[last], 0, counts[last], 0, layers[last].neurons);
        return Readout.argmax(counts[last]);
    }

    private void checkCodes(int[] codes) {
        if (codes.length != inputs) {
            throw new IllegalArgumentException("a frame has " + codes.length + " codes, the network has "
                    + inputs + " inputs");
        }
        for (int i = 0; i < inputs; i++) {
            if (!network.inputCode().accepts(codes[i])) {
                throw new IllegalArgumentException("code " + codes[i] + " of input " + i + " does not fit "
                        + network.inputCode().shortName());
            }
        }
    }

    /** The input SNGs' bits for steps {@code t0 ..}, one vector of {@code inputWords} per step, bias bit set. */
    private void inputBlock(int t0, int steps, int[] magnitude, long[] x) {
        long biasBit = 1L << inputs;
        int biasWord = inputs >>> 6;
        for (int s = 0; s < steps; s++) {
            int off = s * inputWords;
            kernel.fires(inputNumbers[t0 + s], inputMasks, magnitude, inputs, x, off);
            x[off + biasWord] |= biasBit;
        }
    }

    /**
     * One layer over a block of steps. {@code x} holds one input vector per step, {@code productSigns}
     * per neuron the synapses whose product (input sign times weight sign) is negative; {@code out} (null for the readout) receives this layer's spikes per step
     * as the next layer's input vectors, bias bit included. {@code sums} and {@code spikes} are scratch
     * of one entry per neuron: the sums come first (popcounts), then the neuron update and the packing of
     * its spikes (in the scalar kernel two loops, measured twice as fast as one fused loop).
     */
    private void layerBlock(LayerStreams layer, int t0, int steps, long[] x, long[] productSigns,
                            int[] negativeProducts, int[] v,
                            int[] counts, long[] out, int[] sums, int[] spikes) {
        int n = layer.neurons;
        int words = layer.words;
        int outWords = LayerStreams.wordsFor(n + 1);
        int stride = n * words;
        long[] fires = layer.fires;
        int[] slotOfStep = layer.slotOfStep;
        for (int s = 0; s < steps; s++) {
            int base = slotOfStep[t0 + s] * stride;
            int xOff = s * words;
            if (layer.xnor) {
                kernel.xnorSums(fires, base, x, xOff, words, layer.fanIn + 1, sums, n);
            } else {
                kernel.andSums(fires, base, x, xOff, words, productSigns, negativeProducts, sums, n);
            }
            if (layer.readout) {
                for (int j = 0; j < n; j++) {
                    v[j] += sums[j];
                }
            } else {
                int off = s * outWords;
                kernel.fire(layer, v, sums, spikes, counts, out, off);
                out[off + (n >>> 6)] |= 1L << n;
            }
        }
    }

    /** Per-thread working memory of one frame, reused from frame to frame. */
    final class Scratch {
        final int[] magnitudes = new int[inputs];
        final long[] inputSigns = new long[inputWords];
        /** {@code spikes[l]}: layer l's input vectors for one block, one per step. */
        final long[][] spikes = new long[layers.length][];
        /** The first layer's product signs for the current frame: {@code negativeWeights ^ input signs}. */
        final long[] firstLayerProductSigns = new long[layers[0].negativeWeights.length];
        /** Per neuron of the first layer, how many of its synapses have a negative product this frame. */
        final int[] firstLayerNegativeProducts = new int[layers[0].neurons];
        /** Membrane (or readout count) per layer and neuron. */
        final int[][] state = new int[layers.length][];
        /** One step's sums and spikes per layer and neuron. */
        final int[][] sums = new int[layers.length][];
        final int[][] stepSpikes = new int[layers.length][];

        Scratch() {
            for (int l = 0; l < layers.length; l++) {
                spikes[l] = new long[BLOCK * layers[l].words];
                state[l] = new int[layers[l].neurons];
                sums[l] = new int[layers[l].neurons];
                stepSpikes[l] = new int[layers[l].neurons];
            }
        }
    }
}
