package org.scforge.sim;

/**
 * The inner loops of {@link BatchEngine}, one step of one layer at a time: the per-neuron popcount sums,
 * the neuron update and the packing of bits into words. They are all the engine spends its time on, so
 * they are the part a faster instruction set can replace.
 * Every implementation is bit-exact with {@link ScalarKernel}; {@link Kernels} picks one per JVM.
 * Implementations are stateless and shared between threads.
 */
interface BatchKernel {

    /** {@code scalar} or {@code vector}: what {@code -Dscforge.kernel} names. */
    String name();

    /** One line for {@code --version}: the name and what it runs on. */
    String description();

    /**
     * Whether it beats the scalar kernel on this CPU, so that {@link Kernels} may take it without being asked
     * (measured in docs/benchmarks.md, "Vector API kernel"; {@code -Dscforge.kernel} still forces it).
     */
    boolean pays();

    /**
     * And synapses: per neuron {@code j < n}, {@code sums[j] = popcount((x & W_j) ^ N_j) - negativeProducts[j]}
     * over its {@code words} words, where {@code W_j} starts at {@code fires[base + j * words]}, {@code x} at
     * {@code x[xOff]} and {@code N_j} (the synapses whose product is negative) at {@code productSigns[j * words]}.
     */
    void andSums(long[] fires, int base, long[] x, int xOff, int words, long[] productSigns, int[] negativeProducts,
                 int[] sums, int n);

    /** Xnor synapses: per neuron {@code j < n}, {@code sums[j] = synapses - 2 * popcount(x ^ W_j)}, laid out as in {@link #andSums}. */
    void xnorSums(long[] fires, int base, long[] x, int xOff, int words, int synapses, int[] sums, int n);

    /**
     * One step of a layer of integrate-and-fire neurons {@code j < layer.neurons} (docs/semantics.md section 6):
     * leak, add {@code sums[j]}, spike at the threshold with subtractive reset, saturate into {@code v[j]};
     * {@code counts[j]} counts the spike, and bit {@code j} of {@code out[off ..]} is set where it fired.
     * Writes words {@code 0 .. n / 64}: bit {@code n}, the next layer's bias, is left 0 for the caller to set.
     * {@code spikes} is scratch of one entry per neuron.
     */
    void fire(LayerStreams layer, int[] v, int[] sums, int[] spikes, int[] counts, long[] out, int off);

    /**
     * The input SNGs of one step: bit {@code i} of {@code out[off ..]} is set where {@code (r ^ masks[i]) < magnitudes[i]},
     * for {@code i < n}; writes words {@code 0 .. n / 64} as {@link #fire} does.
     */
    void fires(int r, int[] masks, int[] magnitudes, int n, long[] out, int off);
}
