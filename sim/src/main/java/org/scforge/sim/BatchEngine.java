package org.scforge.sim;

import org.scforge.dsl.Network;
import org.scforge.dsl.Source;

import java.util.List;

/**
 * The fast golden-model engine: bit-exact with {@link ReferenceSimulator} (held equal to it by
 * property tests), but it computes each per-step sum as popcounts over 64-bit words instead of one
 * synapse at a time. With {@code P = X & W} (input fires and weight fires) and the product sign
 * {@code Xneg ^ Wneg}, {@code S_j(t) = popcount(P) - 2 * popcount(P & (Xneg ^ Wneg))}.
 *
 * <p>Steps run in blocks: a layer runs all steps of a block before the next layer starts them, which
 * is the same result as step by step (a layer's step t depends only on its own state and the previous
 * layer's step t) and keeps one layer's table hot at a time. Immutable; every thread brings its own
 * {@link Scratch}.
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

    BatchEngine(Network network) {
        this.network = network;
        this.length = network.length();
        this.inputs = network.inputs();
        Source in = network.source(network.inputPlan().source()).orElseThrow();
        this.inputNumbers = SourceSequence.top(SourceSequence.values(in, length), in.width(),
                network.inputCode().magnitudeBits());
        this.inputMasks = network.inputPlan().masks().stream().mapToInt(Integer::intValue).toArray();
        this.inputWords = LayerStreams.wordsFor(inputs + 1);
        List<org.scforge.dsl.DenseLayer> dense = network.layers();
        this.layers = new LayerStreams[dense.size()];
        for (int l = 0; l < layers.length; l++) {
            Source w = network.source(dense.get(l).plan().source()).orElseThrow();
            int[] numbers = SourceSequence.top(SourceSequence.values(w, length), w.width(), network.weightBits());
            layers[l] = new LayerStreams(dense.get(l), numbers, network.weightBits());
        }
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
        for (int i = 0; i < inputs; i++) {
            int c = codes[i];
            magnitude[i] = Math.abs(c);
            if (c < 0) {
                xs[i >>> 6] |= 1L << i;
            }
        }
        for (int l = 0; l < layers.length; l++) {
            java.util.Arrays.fill(scratch.state[l], 0);
            java.util.Arrays.fill(counts[l], 0);
        }
        for (int t0 = 0; t0 < length; t0 += BLOCK) {
            int steps = Math.min(BLOCK, length - t0);
            inputBlock(t0, steps, magnitude, scratch.spikes[0]);
            for (int l = 0; l < layers.length; l++) {
                long[] signs = l == 0 ? xs : scratch.noSigns[l];
                long[] out = l + 1 < layers.length ? scratch.spikes[l + 1] : null;
                layerBlock(layers[l], t0, steps, scratch.spikes[l], signs, scratch.state[l], counts[l], out);
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
        int words = inputWords;
        long biasBit = 1L << inputs;
        int biasWord = inputs >>> 6;
        for (int s = 0; s < steps; s++) {
            int r = inputNumbers[t0 + s];
            int off = s * words;
            for (int w = 0; w < words; w++) {
                int from = w << 6;
                int to = Math.min(inputs, from + 64);
                long bits = 0;
                for (int i = from; i < to; i++) {
                    // fires when |code| > (r ^ mask), i.e. when (r ^ mask) - |code| is negative
                    bits |= (long) (((r ^ inputMasks[i]) - magnitude[i]) >>> 31) << i;
                }
                x[off + w] = bits;
            }
            x[off + biasWord] |= biasBit;
        }
    }

    /**
     * One layer over a block of steps. {@code x} holds one input vector per step, {@code signs} the
     * inputs' negative bits; {@code out} (null for the readout) receives this layer's spikes per step
     * as the next layer's input vectors, bias bit included.
     */
    private static void layerBlock(LayerStreams layer, int t0, int steps, long[] x, long[] signs, int[] v,
                                   int[] counts, long[] out) {
        int n = layer.neurons;
        int words = layer.words;
        int outWords = LayerStreams.wordsFor(n + 1);
        long[] table = layer.table;
        int[] slotOfStep = layer.slotOfStep;
        for (int s = 0; s < steps; s++) {
            int base = slotOfStep[t0 + s] * n * words * 2;
            int xOff = s * words;
            if (layer.readout) {
                for (int j = 0; j < n; j++, base += 2 * words) {
                    v[j] += sum(table, base, x, xOff, signs, words);
                }
                continue;
            }
            int oOff = s * outWords;
            for (int w = 0; w < outWords; w++) {
                out[oOff + w] = 0;
            }
            out[oOff + (n >>> 6)] = 1L << n;
            int threshold = layer.threshold;
            int floor = layer.floor;
            int ceiling = layer.ceiling;
            int leakShift = layer.leakShift;
            int leakMask = layer.leakMask;
            for (int j = 0; j < n; j++, base += 2 * words) {
                int sum = sum(table, base, x, xOff, signs, words);
                int vj = v[j];
                int u = vj - ((vj >> leakShift) & leakMask) + sum;
                int spike = (threshold - 1 - u) >>> 31;
                u -= threshold & -spike;
                v[j] = Math.max(floor, Math.min(ceiling, u));
                counts[j] += spike;
                out[oOff + (j >>> 6)] |= (long) spike << j;
            }
        }
    }

    private static int sum(long[] table, int base, long[] x, int xOff, long[] signs, int words) {
        int sum = 0;
        for (int w = 0; w < words; w++) {
            long p = x[xOff + w] & table[base + 2 * w];
            sum += Long.bitCount(p) - 2 * Long.bitCount(p & (signs[w] ^ table[base + 2 * w + 1]));
        }
        return sum;
    }

    /** Per-thread working memory of one frame, reused from frame to frame. */
    final class Scratch {
        final int[] magnitudes = new int[inputs];
        final long[] inputSigns = new long[inputWords];
        /** {@code spikes[l]}: layer l's input vectors for one block, one per step. */
        final long[][] spikes = new long[layers.length][];
        /** All-zero signs for the layers whose inputs are spikes (always positive). */
        final long[][] noSigns = new long[layers.length][];
        /** Membrane (or readout count) per layer and neuron. */
        final int[][] state = new int[layers.length][];

        Scratch() {
            for (int l = 0; l < layers.length; l++) {
                spikes[l] = new long[BLOCK * layers[l].words];
                noSigns[l] = new long[layers[l].words];
                state[l] = new int[layers[l].neurons];
            }
        }
    }
}
