package org.scforge.sim;

/**
 * The inner loops in plain Java: runs on every JDK, and C2 turns {@link Long#bitCount} into {@code POPCNT}.
 * The range helpers are package-private so that the vector kernel finishes its tails with the same code.
 */
final class ScalarKernel implements BatchKernel {

    static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String description() {
        return "scalar (Long.bitCount)";
    }

    @Override
    public boolean pays() {
        return true;
    }

    @Override
    public void andSums(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns,
                        int[] negativeProducts, int[] sums, int n) {
        if (words == 1) {
            andSumsOneWord(fires, base, x[xOff], productSigns, negativeProducts, sums, 0, n);
        } else {
            andSumsWords(fires, base, x, xOff, words, productSigns, negativeProducts, sums, 0, n);
        }
    }

    /** Neurons {@code from .. to-1} of a layer of several words per neuron. */
    static void andSumsWords(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns,
                             int[] negativeProducts, int[] sums, int from, int to) {
        for (int j = from, k = base + from * words, q = from * words; j < to; j++) {
            int sum = -negativeProducts[j];
            for (int w = 0; w < words; w++, k++, q++) {
                sum += Long.bitCount((x[xOff + w] & fires[k]) ^ productSigns[q]);
            }
            sums[j] = sum;
        }
    }

    /**
     * Neurons {@code from .. to-1} when fan-in and bias fit one word. With {@code P = X & W} and {@code N}
     * the synapses whose product is negative, a firing synapse counts +1 outside {@code N} and -1 inside
     * it, so {@code S = popcount(P ^ N) - popcount(N)}: inside {@code N} a synapse that does not fire adds
     * the 1 that {@code popcount(N)} takes back. One popcount instead of two.
     */
    static void andSumsOneWord(long[] fires, int base, long x, long[] productSigns, int[] negativeProducts,
                               int[] sums, int from, int to) {
        for (int j = from; j < to; j++) {
            sums[j] = Long.bitCount((x & fires[base + j]) ^ productSigns[j]) - negativeProducts[j];
        }
    }

    /**
     * docs/semantics.md section 5.2: every synapse counts, +1 where input and weight agree, so
     * {@code S = (F + 1) - 2 * popcount(x ^ w)}. Bits above the bias are 0 in both the input vectors and
     * the weight table, so they never count as a mismatch.
     */
    @Override
    public void xnorSums(long[] fires, int base, long[] x, int xOff, int words, int synapses, int[] sums, int n) {
        if (words == 1) {
            xnorSumsOneWord(fires, base, x[xOff], synapses, sums, 0, n);
            return;
        }
        for (int j = 0, k = base; j < n; j++) {
            int mismatches = 0;
            for (int w = 0; w < words; w++, k++) {
                mismatches += Long.bitCount(x[xOff + w] ^ fires[k]);
            }
            sums[j] = synapses - 2 * mismatches;
        }
    }

    static void xnorSumsOneWord(long[] fires, int base, long x, int synapses, int[] sums, int from, int to) {
        for (int j = from; j < to; j++) {
            sums[j] = synapses - 2 * Long.bitCount(x ^ fires[base + j]);
        }
    }

    /** The neuron update over every neuron, then the packing: two loops, so that C2 vectorises the first. */
    @Override
    public void fire(LayerStreams layer, int[] v, int[] sums, int[] spikes, int[] counts, long[] out, int off) {
        int n = layer.neurons;
        integrateAndFire(layer, v, sums, spikes, counts, 0, n);
        for (int from = 0; from <= n; from += 64) {
            out[off + (from >>> 6)] = packBits(spikes, from, Math.min(n, from + 64), 0L);
        }
    }

    /** docs/semantics.md section 6, branch-free, neurons {@code from .. to-1}: leak, integrate, spike, subtractive reset, saturate. */
    static void integrateAndFire(LayerStreams layer, int[] v, int[] sums, int[] spikes, int[] counts, int from, int to) {
        int threshold = layer.threshold;
        int floor = layer.floor;
        int ceiling = layer.ceiling;
        int leakShift = layer.leakShift;
        int leakMask = layer.leakMask;
        for (int j = from; j < to; j++) {
            int vj = v[j];
            int u = vj - ((vj >> leakShift) & leakMask) + sums[j];
            int spike = (threshold - 1 - u) >>> 31;
            u -= threshold & -spike;
            // saturation without branches: the JIT turns Math.min/max into mispredicted branches here
            int over = u - ceiling;
            u -= over & ~(over >> 31);
            int under = floor - u;
            v[j] = u + (under & ~(under >> 31));
            counts[j] += spike;
            spikes[j] = spike;
        }
    }

    /** {@code bits} with bit {@code j & 63} set for each spike {@code j} in {@code from .. to-1} (one word). */
    static long packBits(int[] spikes, int from, int to, long bits) {
        for (int j = from; j < to; j++) {
            bits |= (long) spikes[j] << j;
        }
        return bits;
    }

    @Override
    public void fires(int r, int[] masks, int[] magnitudes, int n, long[] out, int off) {
        for (int from = 0; from <= n; from += 64) {
            out[off + (from >>> 6)] = firesBits(r, masks, magnitudes, from, Math.min(n, from + 64), 0L);
        }
    }

    /** {@code bits} with bit {@code i & 63} set for each input {@code i} in {@code from .. to-1} whose SNG fires (one word). */
    static long firesBits(int r, int[] masks, int[] magnitudes, int from, int to, long bits) {
        for (int i = from; i < to; i++) {
            // fires when |code| > (r ^ mask), i.e. when (r ^ mask) - |code| is negative
            bits |= (long) (((r ^ masks[i]) - magnitudes[i]) >>> 31) << i;
        }
        return bits;
    }
}
