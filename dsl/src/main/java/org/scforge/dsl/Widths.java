package org.scforge.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * Register widths derived from the structure (fan-in, thresholds, bounds and L), never from the weight
 * values, so that retraining never changes the hardware. Every range here is exact: no value the
 * semantics can produce falls outside its register (docs/semantics.md, "Widths").
 */
public record Widths(List<LayerWidths> layers, int stepCounterBits) {

    /** Widest register a network may need; wider ones are refused by validation. */
    public static final int MAX_BITS = 62;

    /**
     * @param sumMin         smallest per-cycle input sum S (every negative synapse and bias firing)
     * @param sumMax         largest per-cycle input sum
     * @param popcountBits   unsigned bits of one half (positive or negative) of the sum
     * @param sumBits        signed bits of S
     * @param stateMin       smallest value the neuron's register holds after a cycle
     * @param stateMax       largest value the neuron's register holds after a cycle
     * @param stateBits      signed bits of the membrane (IF) or count (counter) register
     * @param workBits       signed bits of the intermediate {@code u = v - leak + S} and of the threshold
     * @param counter        a readout counter (its state is a count), not an integrate-and-fire membrane
     */
    public record LayerWidths(String layer, long sumMin, long sumMax, int popcountBits, int sumBits, long stateMin,
                              long stateMax, int stateBits, int workBits, boolean counter) {
    }

    /** The widths of the dense layers (a network's conv layers apart: {@link #ofKernel}). */
    public static Widths of(Network network) {
        return compute(network.denseInputs(), network.length(), network.layers());
    }

    /**
     * The widths of a conv layer's neurons: those of its kernel, a dense layer over the {@code Q} taps
     * (padding is a synapse that never fires, so every position has the same widths).
     */
    public static LayerWidths ofKernel(ConvLayer conv, int length) {
        return compute(conv.taps(), length, List.of(conv.kernel())).layers().get(0);
    }

    static List<String> problems(int inputs, int length, List<DenseLayer> layers) {
        List<String> problems = new ArrayList<>();
        Widths widths = compute(inputs, length, layers);
        for (LayerWidths w : widths.layers()) {
            if (w.workBits() > MAX_BITS) {
                problems.add("layer '" + w.layer() + "': needs " + w.workBits() + "-bit registers, more than "
                        + MAX_BITS + "; shorten the bitstream or narrow the layer");
            } else if (w.counter() && w.stateBits() > 32) {
                problems.add("layer '" + w.layer() + "': readout counts need " + w.stateBits()
                        + " bits, more than 32; shorten the bitstream or narrow the layer");
            }
        }
        return problems;
    }

    private static Widths compute(int inputs, int length, List<DenseLayer> layers) {
        List<LayerWidths> out = new ArrayList<>();
        int fanIn = inputs;
        for (DenseLayer layer : layers) {
            long synapses = fanIn + 1L; // the bias is a synapse whose input is always 1
            long sumMin = -synapses;
            long sumMax = synapses;
            int popcountBits = unsignedBits(synapses);
            int sumBits = signedBits(sumMin, sumMax);
            long stateMin;
            long stateMax;
            long workMin;
            long workMax;
            if (layer.neuron() instanceof NeuronModel.IntegrateAndFire n) {
                stateMin = n.floor();
                stateMax = n.ceiling();
                // The leak never moves v away from zero, so u stays within [floor + Smin, ceiling + Smax];
                // the threshold is compared in the same width, and with homeostasis (section 12.5) so is the
                // highest threshold a neuron can reach, threshold + limit.
                long highestThreshold = n.threshold() + layer.learning().flatMap(Stdp::homeostasis)
                        .map(Stdp.Homeostasis::limit).orElse(0);
                workMin = Math.min(stateMin + sumMin, 0);
                workMax = Math.max(stateMax + sumMax, highestThreshold);
            } else {
                stateMin = sumMin * length;
                stateMax = sumMax * length;
                workMin = stateMin;
                workMax = stateMax;
            }
            out.add(new LayerWidths(layer.name(), sumMin, sumMax, popcountBits, sumBits, stateMin, stateMax,
                    signedBits(stateMin, stateMax), signedBits(workMin, workMax),
                    !(layer.neuron() instanceof NeuronModel.IntegrateAndFire)));
            fanIn = layer.neurons();
        }
        return new Widths(List.copyOf(out), unsignedBits(length));
    }

    /** Bits of an unsigned register that holds 0..max. */
    public static int unsignedBits(long max) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
    }

    /** Bits of the class index {@code class_out}: {@code max(1, ceil(log2(classes)))} (docs/semantics.md section 7). */
    public static int classBits(int classes) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(classes - 1));
    }

    /** Bits of a two's-complement register that holds min..max. */
    public static int signedBits(long min, long max) {
        int bits = 1;
        while (bits < 64 && (min < -(1L << (bits - 1)) || max > (1L << (bits - 1)) - 1)) {
            bits++;
        }
        return bits;
    }

    public LayerWidths layer(int index) {
        return layers.get(index);
    }

    /** "hidden v6/u9 s7, out c17": membrane/working and sum bits per layer. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (LayerWidths w : layers) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(w.layer()).append(" sum ").append(w.sumBits()).append("b");
            if (w.counter()) {
                sb.append(" count ").append(w.stateBits()).append("b");
            } else {
                sb.append(" membrane ").append(w.stateBits()).append("b/work ").append(w.workBits()).append("b");
            }
        }
        return sb.toString();
    }
}
