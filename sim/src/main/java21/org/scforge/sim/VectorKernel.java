package org.scforge.sim;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops on the Vector API (JDK 21 or later, {@code --add-modules jdk.incubator.vector}), at the
 * widest vectors the CPU prefers. One-word layers (fan-in below 64, the MNIST network's hidden layer) run
 * across neurons: one lane per neuron, a lane-wise popcount ({@code VPOPCNTQ} where AVX-512 has it)
 * narrowed to int. The neuron update and the input SNGs compare vectors of ints and take the comparison
 * mask as the packed bits, one instruction for 16 spikes or inputs instead of a shift and an OR each. And
 * layers of a few words per neuron (the readout) gather each lane's words from the strided table; from a
 * vector of words per neuron on (wide fan-in: a conv layer run as its dense layer) the lanes run along one
 * neuron's words instead; xnor layers of several words stay scalar (no measured need). Loaded by name from {@link Kernels}; it lives only in the Java 21
 * part of the multi-release jar (sim/src/main/java21).
 */
final class VectorKernel implements BatchKernel {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /** As many int lanes as {@link #LONGS} has long lanes: the popcounts narrowed into {@code sums}. */
    private static final VectorSpecies<Integer> NARROW =
            VectorSpecies.of(int.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** {@code STRIDES[w][i] = i * w}: the gather offsets of lane {@code i} for layers of fewer words per neuron than lanes. */
    private static final int[][] STRIDES = strides(LONGS.length());

    private static int[][] strides(int maxWords) {
        int[][] strides = new int[maxWords + 1][LONGS.length()];
        for (int w = 0; w <= maxWords; w++) {
            for (int i = 0; i < LONGS.length(); i++) {
                strides[w][i] = i * w;
            }
        }
        return strides;
    }

    /** For {@link Kernels}, which constructs it reflectively. */
    VectorKernel() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String description() {
        return "vector (jdk.incubator.vector, " + LONGS.vectorBitSize() + "-bit)";
    }

    /**
     * 256 bits or more (AVX2, AVX-512): measured 1.4 to 2.4x the scalar kernel. At 128 bits (the JVM limited
     * to SSE or AVX1 with {@code -XX:UseAVX=0} or {@code 1}) some operations are not compiled to vector
     * instructions and it ran 3 to 8x slower than the scalar kernel.
     */
    @Override
    public boolean pays() {
        return LONGS.vectorBitSize() >= 256;
    }

    @Override
    public void andSums(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns,
                        int[] negativeProducts, int[] sums, int n) {
        if (words != 1) {
            if (words < LONGS.length()) {
                andSumsGathered(fires, base, x, xOff, words, productSigns, negativeProducts, sums, n);
            } else {
                andSumsContiguous(fires, base, x, xOff, words, productSigns, negativeProducts, sums, n);
            }
            return;
        }
        long input = x[xOff];
        int bound = LONGS.loopBound(n);
        for (int j = 0; j < bound; j += LONGS.length()) {
            LongVector counts = LongVector.fromArray(LONGS, fires, base + j).and(input)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(LONGS, productSigns, j))
                    .lanewise(VectorOperators.BIT_COUNT);
            narrow(counts).sub(IntVector.fromArray(NARROW, negativeProducts, j)).intoArray(sums, j);
        }
        ScalarKernel.andSumsOneWord(fires, base, input, productSigns, negativeProducts, sums, bound, n);
    }

    /**
     * At least a vector of words per neuron (a conv layer run as its dense layer: 785 synapses, 13 words):
     * the lanes run along one neuron's words, which lie side by side in the table, and are summed at the
     * end. The gathered loads of {@link #andSumsGathered} at such strides ran the conv workload 2-4x slower
     * than the scalar kernel (docs/benchmarks.md, "Conv layers on raw pixels").
     */
    private static void andSumsContiguous(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns,
                                          int[] negativeProducts, int[] sums, int n) {
        int bound = LONGS.loopBound(words);
        for (int j = 0; j < n; j++) {
            int k = base + j * words;
            int q = j * words;
            LongVector counts = LongVector.zero(LONGS);
            int w = 0;
            for (; w < bound; w += LONGS.length()) {
                counts = counts.add(LongVector.fromArray(LONGS, fires, k + w).and(LongVector.fromArray(LONGS, x, xOff + w))
                        .lanewise(VectorOperators.XOR, LongVector.fromArray(LONGS, productSigns, q + w))
                        .lanewise(VectorOperators.BIT_COUNT));
            }
            long sum = counts.reduceLanes(VectorOperators.ADD) - negativeProducts[j];
            for (; w < words; w++) {
                sum += Long.bitCount((x[xOff + w] & fires[k + w]) ^ productSigns[q + w]);
            }
            sums[j] = (int) sum;
        }
    }

    /**
     * Several words per neuron (the readout: 129 synapses, 3 words): one lane per neuron as in the one-word
     * case, its words gathered from the table at a stride of {@code words}: whole frames ran 1.1 to 1.3x as
     * fast as with the scalar loop, on one thread (docs/benchmarks.md, "Vector API kernel").
     */
    private static void andSumsGathered(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns,
                                        int[] negativeProducts, int[] sums, int n) {
        int[] stride = STRIDES[words];
        int bound = LONGS.loopBound(n);
        for (int j = 0; j < bound; j += LONGS.length()) {
            LongVector counts = LongVector.zero(LONGS);
            for (int w = 0; w < words; w++) {
                counts = counts.add(LongVector.fromArray(LONGS, fires, base + j * words + w, stride, 0).and(x[xOff + w])
                        .lanewise(VectorOperators.XOR, LongVector.fromArray(LONGS, productSigns, j * words + w, stride, 0))
                        .lanewise(VectorOperators.BIT_COUNT));
            }
            narrow(counts).sub(IntVector.fromArray(NARROW, negativeProducts, j)).intoArray(sums, j);
        }
        ScalarKernel.andSumsWords(fires, base, x, xOff, words, productSigns, negativeProducts, sums, bound, n);
    }

    @Override
    public void xnorSums(long[] fires, int base, long[] x, int xOff, int words, int synapses, int[] sums, int n) {
        if (words != 1) {
            ScalarKernel.INSTANCE.xnorSums(fires, base, x, xOff, words, synapses, sums, n);
            return;
        }
        long input = x[xOff];
        IntVector all = IntVector.broadcast(NARROW, synapses);
        int bound = LONGS.loopBound(n);
        for (int j = 0; j < bound; j += LONGS.length()) {
            IntVector mismatches = narrow(LongVector.fromArray(LONGS, fires, base + j)
                    .lanewise(VectorOperators.XOR, input).lanewise(VectorOperators.BIT_COUNT));
            all.sub(mismatches.add(mismatches)).intoArray(sums, j);
        }
        ScalarKernel.xnorSumsOneWord(fires, base, input, synapses, sums, bound, n);
    }

    private static IntVector narrow(LongVector counts) {
        return (IntVector) counts.convertShape(VectorOperators.L2I, NARROW, 0);
    }

    /**
     * The neuron update lane-wise, 16 neurons at a time at 512 bits: the spike is a comparison mask, which
     * counts, resets and packs (its bits are the packed word) without an int per spike; saturation is a
     * lane-wise min and max. The neurons past the last whole vector of a word take the scalar loop.
     */
    @Override
    public void fire(LayerStreams layer, int[] v, int[] sums, int[] spikes, int[] counts, long[] out, int off) {
        int n = layer.neurons;
        int lanes = INTS.length();
        int threshold = layer.threshold;
        for (int from = 0; from <= n; from += 64) {
            int to = Math.min(n, from + 64);
            long bits = 0;
            int j = from;
            for (; j + lanes <= to; j += lanes) {
                IntVector vj = IntVector.fromArray(INTS, v, j);
                IntVector u = vj.sub(vj.lanewise(VectorOperators.ASHR, layer.leakShift).and(layer.leakMask))
                        .add(IntVector.fromArray(INTS, sums, j));
                VectorMask<Integer> spike = u.compare(VectorOperators.GE, threshold);
                u.sub(threshold, spike).min(layer.ceiling).max(layer.floor).intoArray(v, j);
                IntVector.fromArray(INTS, counts, j).add(1, spike).intoArray(counts, j);
                bits |= spike.toLong() << (j - from);
            }
            ScalarKernel.integrateAndFire(layer, v, sums, spikes, counts, j, to);
            out[off + (from >>> 6)] = ScalarKernel.packBits(spikes, j, to, bits);
        }
    }

    /** {@code (r ^ mask) < |code|} is the scalar kernel's sign test: both sides are far below 2^31. */
    @Override
    public void fires(int r, int[] masks, int[] magnitudes, int n, long[] out, int off) {
        int lanes = INTS.length();
        IntVector number = IntVector.broadcast(INTS, r);
        for (int from = 0; from <= n; from += 64) {
            int to = Math.min(n, from + 64);
            long bits = 0;
            int i = from;
            for (; i + lanes <= to; i += lanes) {
                bits |= number.lanewise(VectorOperators.XOR, IntVector.fromArray(INTS, masks, i))
                        .compare(VectorOperators.LT, IntVector.fromArray(INTS, magnitudes, i)).toLong() << (i - from);
            }
            out[off + (from >>> 6)] = ScalarKernel.firesBits(r, masks, magnitudes, i, to, bits);
        }
    }
}
