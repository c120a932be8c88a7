package org.scforge.sim;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.PoolLayer;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Synapse;

/**
 * The weight bitstreams of one layer, precomputed once per model: they do not depend on the input.
 * For each distinct number the layer's weight source shows (a "slot"), neuron {@code j} gets
 * {@code words} 64-bit words over its inputs (bit {@code i} is input {@code i}, bit {@code fanIn} the
 * bias): "the weight SNG fires". Indexing by slot instead of by step keeps the table at
 * {@code min(L, 2^weightBits)} entries. Which weights are negative does not depend on the step, so it is
 * one row of words per neuron ({@link #negativeWeights}), not a second table: a step only needs the sign
 * of the synapses that fire, and there the two agree.
 */
final class LayerStreams {

    /**
     * The most synapses a conv layer's expanded dense layer may have: 4 times the model limit of real
     * synapses (Limits.MAX_SYNAPSES), so an MNIST conv layer of 16 channels, 5 x 5, stride 1 (24 x 24 x 16
     * neurons over 785 synapses, 7.2 million) runs, and a layer whose expansion would not fit in memory is
     * refused before anything is allocated.
     */
    static final long MAX_EXPANDED_SYNAPSES = 4 * org.scforge.dsl.Limits.MAX_SYNAPSES;

    final int neurons;
    final int fanIn;
    /** 64-bit words per input vector of this layer: fan-in plus the bias bit. */
    final int words;
    /** The table slot to read at each step {@code 0 .. L-1}. */
    final int[] slotOfStep;
    /** {@code [slot][neuron][word]}, flattened: the weight SNG fires. */
    final long[] fires;
    /** {@code [neuron][word]}, flattened: the weight (or bias) is negative. */
    final long[] negativeWeights;
    /** Per neuron, how many of its weights (and bias) are negative. */
    final int[] negativeWeightCounts;
    final boolean readout;
    /** xnor synapses (docs/semantics.md section 5.2): {@link #fires} holds the offset-code weight streams. */
    final boolean xnor;
    final int threshold;
    final int floor;
    final int ceiling;
    final int leakShift;
    /** -1 when the neuron leaks, 0 when not: {@code v >> 0} is {@code v}, so the leak is masked instead. */
    final int leakMask;

    /** The streams of a dense layer: synapse {@code i} of neuron {@code j} is input {@code i}, the bias last. */
    static LayerStreams of(DenseLayer layer, int[] weightNumbers, int weightBits) {
        int neurons = layer.neurons();
        int synapses = layer.fanIn() + 1;
        int[] magnitude = new int[neurons * synapses];
        int[] mask = new int[neurons * synapses];
        boolean[] negative = new boolean[neurons * synapses];
        for (int j = 0; j < neurons; j++) {
            int rowMask = layer.plan().neuronMasks().get(j);
            for (int i = 0; i < synapses; i++) {
                int w = i < layer.fanIn() ? layer.weights().get(j, i) : layer.bias().get(j);
                int k = j * synapses + i;
                magnitude[k] = layer.synapse().comparedCode(w, weightBits);
                negative[k] = w < 0;
                mask[k] = rowMask ^ layer.plan().inputMasks().get(i);
            }
        }
        return new LayerStreams(layer, neurons, layer.fanIn(), magnitude, mask, negative, weightNumbers, weightBits);
    }

    /**
     * The streams of a conv layer as the dense layer it equals (docs/semantics.md section 11): neuron
     * {@code j} of channel {@code k} has, at the input its tap {@code q} reads, weight {@code w[k][q]}
     * with mask {@code neuronMasks[k] ^ inputMasks[q]}; every other input, padding included, has
     * magnitude 0, a stream that never fires.
     */
    static LayerStreams of(ConvLayer conv, int[] weightNumbers, int weightBits) {
        DenseLayer kernel = conv.kernel();
        int neurons = conv.neurons();
        int fanIn = (int) conv.input().count();
        long expanded = (long) neurons * (fanIn + 1);
        if (expanded > MAX_EXPANDED_SYNAPSES) {
            // validation bounds the layer's real synapses; the expansion is this engine's, so is its limit
            throw new IllegalArgumentException("layer '" + conv.name() + "': the golden model runs a conv layer as the"
                    + " dense layer it equals, " + neurons + " neurons x " + (fanIn + 1) + " synapses = " + expanded
                    + ", more than its limit of " + MAX_EXPANDED_SYNAPSES + "; use a larger stride, fewer channels or a"
                    + " smaller image");
        }
        int synapses = fanIn + 1;
        int[] magnitude = new int[neurons * synapses];
        int[] mask = new int[neurons * synapses];
        boolean[] negative = new boolean[neurons * synapses];
        for (int j = 0; j < neurons; j++) {
            int k = conv.channelOf(j);
            int rowMask = kernel.plan().neuronMasks().get(k);
            for (int q = 0; q <= conv.taps(); q++) {
                int i = q < conv.taps() ? conv.inputOf(j, q) : fanIn;
                if (i < 0) {
                    continue; // padding
                }
                int w = q < conv.taps() ? kernel.weights().get(k, q) : kernel.bias().get(k);
                int at = j * synapses + i;
                magnitude[at] = Synapse.AND.comparedCode(w, weightBits);
                negative[at] = w < 0;
                mask[at] = rowMask ^ kernel.plan().inputMasks().get(q);
            }
        }
        return new LayerStreams(kernel, neurons, fanIn, magnitude, mask, negative, weightNumbers, weightBits);
    }

    /**
     * An OR pool (docs/semantics.md section 11.5) as a dense layer: output {@code j} has, at each input of
     * its window, a weight stream that always fires (magnitude {@code 2^bits}, above every number), no
     * bias, and an integrate-and-fire neuron of threshold 1, floor and ceiling 0: it spikes exactly when
     * its sum, the count of window inputs that fired, is at least 1, and its membrane stays 0.
     */
    static LayerStreams of(PoolLayer pool, int length) {
        int neurons = pool.neurons();
        int fanIn = (int) pool.input().count();
        int synapses = fanIn + 1;
        int bits = 1;
        int[] magnitude = new int[neurons * synapses];
        for (int j = 0; j < neurons; j++) {
            for (int q = 0; q < pool.taps(); q++) {
                magnitude[j * synapses + pool.inputOf(j, q)] = 1 << bits;
            }
        }
        DenseLayer or = new DenseLayer(pool.name(), neurons, new NeuronModel.IntegrateAndFire(1, 0, 0, 0),
                IntMatrix.zeros(0, 0), java.util.List.of(), null);
        return new LayerStreams(or, neurons, fanIn, magnitude, new int[neurons * synapses],
                new boolean[neurons * synapses], new int[length], bits);
    }

    /**
     * @param layer     the neuron model and synapse kind (a conv layer's kernel)
     * @param magnitude per synapse {@code j * (fanIn + 1) + i}, the code its SNG compares
     * @param mask      per synapse, the XOR mask of its SNG
     * @param negative  per synapse, the weight is negative
     */
    private LayerStreams(DenseLayer layer, int neurons, int fanIn, int[] magnitude, int[] mask, boolean[] negative,
                         int[] weightNumbers, int weightBits) {
        this.neurons = neurons;
        this.fanIn = fanIn;
        this.words = wordsFor(fanIn + 1);
        this.readout = layer.isReadout();
        this.xnor = layer.isXnor();
        if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
            threshold = f.threshold();
            floor = f.floor();
            ceiling = f.ceiling();
            leakShift = f.leakShift();
        } else {
            threshold = 0;
            floor = 0;
            ceiling = 0;
            leakShift = 0;
        }
        this.leakMask = leakShift == 0 ? 0 : -1;

        int numberBits = layer.synapse().comparedBits(weightBits);
        int[] slotOfValue = new int[1 << numberBits];
        java.util.Arrays.fill(slotOfValue, -1);
        slotOfStep = new int[weightNumbers.length];
        int[] valueOfSlot = new int[Math.min(weightNumbers.length, 1 << numberBits)];
        int slots = 0;
        for (int t = 0; t < weightNumbers.length; t++) {
            int r = weightNumbers[t];
            if (slotOfValue[r] < 0) {
                slotOfValue[r] = slots;
                valueOfSlot[slots++] = r;
            }
            slotOfStep[t] = slotOfValue[r];
        }
        int synapses = fanIn + 1;
        fires = new long[slots * neurons * words];
        negativeWeights = new long[neurons * words];
        for (int j = 0; j < neurons; j++) {
            for (int i = 0; i < synapses; i++) {
                if (negative[j * synapses + i]) {
                    negativeWeights[j * words + (i >>> 6)] |= 1L << i;
                }
            }
        }
        negativeWeightCounts = new int[neurons];
        countPerNeuron(negativeWeights, words, negativeWeightCounts);
        for (int slot = 0; slot < slots; slot++) {
            int r = valueOfSlot[slot];
            for (int j = 0; j < neurons; j++) {
                int base = (slot * neurons + j) * words;
                for (int i = 0; i < synapses; i++) {
                    int k = j * synapses + i;
                    if (magnitude[k] > (r ^ mask[k])) {
                        fires[base + (i >>> 6)] |= 1L << i;
                    }
                }
            }
        }
    }

    /** Per neuron, the set bits of its {@code words}-word row of {@code rows}. */
    static void countPerNeuron(long[] rows, int words, int[] counts) {
        for (int j = 0, k = 0; j < counts.length; j++) {
            int count = 0;
            for (int w = 0; w < words; w++, k++) {
                count += Long.bitCount(rows[k]);
            }
            counts[j] = count;
        }
    }

    static int wordsFor(int bits) {
        return (bits + 63) >>> 6;
    }

    long tableBytes() {
        return (long) (fires.length + negativeWeights.length) * Long.BYTES;
    }
}
