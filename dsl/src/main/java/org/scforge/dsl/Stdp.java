package org.scforge.dsl;

import java.util.List;
import java.util.Optional;

/**
 * The learning rule of a dense {@code if} layer with {@code and} synapses: stochastic STDP on the integer
 * weight codes (docs/semantics.md, section 12). At a post-synaptic spike of neuron {@code j}, every weight
 * {@code w[j][i]} whose input fired in the last {@code window} steps is a potentiation candidate, every
 * other one a depression candidate; a candidate updates when its probability code beats the learning
 * source's number, masked by the weight plan's masks: {@code pPlus > (top_kp(source, t) ^ neuronMasks[j]
 * ^ inputMasks[i]) mod 2^kp} (likewise {@code pMinus}). An update moves the code by {@code step}, clamped to
 * {@code min .. max}. The bias does not learn.
 *
 * <p>Build one with {@link #stochastic} and the {@code with...} methods, so that a field added later (an
 * optional one, with a default) does not change any caller.
 *
 * @param source          the learning source: its top {@code probabilityBits} bits decide the update bits;
 *                        it must differ from the layer's weight source and from the source its inputs come from
 * @param window          {@code Wn}, steps: an input that fired in the last {@code Wn} steps (this one included)
 *                        is potentiated at a post spike, any other depressed
 * @param probabilityBits {@code kp}, the bits of the probability codes
 * @param pPlus           the potentiation probability as a code {@code 0 .. 2^kp - 1} (probability {@code pPlus / 2^kp})
 * @param pMinus          the depression probability, likewise
 * @param step            how much one update changes a weight code, at least 1
 * @param min             the lowest weight code learning reaches (within the codes of {@code weightBits})
 * @param max             the highest, {@code min <= max}
 * @param wta             winner-take-all in the layer whenever it runs, learning on or off: only the neuron with
 *                        the largest {@code u} at its threshold spikes, the others' membranes go to the floor
 * @param homeostasis     an adaptive threshold per neuron (docs/semantics.md, section 12.5), or empty
 */
public record Stdp(String source, int window, int probabilityBits, int pPlus, int pMinus, int step, int min,
                   int max, boolean wta, Optional<Homeostasis> homeostasis) {

    public Stdp {
        homeostasis = homeostasis == null ? Optional.empty() : homeostasis;
    }

    /**
     * An adaptive threshold (docs/semantics.md, section 12.5): while the layer learns, each spike of neuron
     * {@code j} raises its threshold offset by {@code step}, to at most {@code limit}, and every {@code
     * decayFrames} learning frames every offset drops by 1, to at least 0. Neuron {@code j} fires at {@code
     * threshold + offsets[j]} whenever the layer runs. Without it a few neurons win every contest of a
     * winner-take-all layer and the others never learn.
     *
     * @param step        how much a spike raises its neuron's offset, {@code 1 .. limit}
     * @param decayFrames every how many learning frames all offsets drop by 1
     * @param limit       the largest offset
     * @param offsets     the learned state: one offset per neuron, {@code 0 .. limit}; empty means every offset is 0
     */
    public record Homeostasis(int step, int decayFrames, int limit, List<Integer> offsets) {

        /** The largest limit: an offset is a 16-bit register in the RTL. */
        public static final int MAX_LIMIT = 65_535;

        public Homeostasis {
            offsets = offsets == null ? List.of() : List.copyOf(offsets);
        }

        /** The rule with every offset 0, as a network starts before it learns. */
        public static Homeostasis of(int step, int decayFrames, int limit) {
            return new Homeostasis(step, decayFrames, limit, List.of());
        }

        public Homeostasis withOffsets(List<Integer> newOffsets) {
            return new Homeostasis(step, decayFrames, limit, newOffsets);
        }

        /** Neuron {@code j}'s offset; 0 when no offsets are stored. */
        public int offset(int j) {
            return offsets.isEmpty() ? 0 : offsets.get(j);
        }
    }

    /** The name of the rule in the model file's {@code learning.rule}. */
    public static final String RULE = "stdp";

    /** A rule without winner-take-all; {@link #withWta} adds it. */
    public static Stdp stochastic(String source, int window, int probabilityBits, int pPlus, int pMinus, int step,
                                  int min, int max) {
        return new Stdp(source, window, probabilityBits, pPlus, pMinus, step, min, max, false, Optional.empty());
    }

    public Stdp withWta(boolean newWta) {
        return new Stdp(source, window, probabilityBits, pPlus, pMinus, step, min, max, newWta, homeostasis);
    }

    public Stdp withSource(String newSource) {
        return new Stdp(newSource, window, probabilityBits, pPlus, pMinus, step, min, max, wta, homeostasis);
    }

    public Stdp withWindow(int newWindow) {
        return new Stdp(source, newWindow, probabilityBits, pPlus, pMinus, step, min, max, wta, homeostasis);
    }

    public Stdp withProbabilities(int newProbabilityBits, int newPPlus, int newPMinus) {
        return new Stdp(source, window, newProbabilityBits, newPPlus, newPMinus, step, min, max, wta, homeostasis);
    }

    public Stdp withStep(int newStep) {
        return new Stdp(source, window, probabilityBits, pPlus, pMinus, newStep, min, max, wta, homeostasis);
    }

    public Stdp withBounds(int newMin, int newMax) {
        return new Stdp(source, window, probabilityBits, pPlus, pMinus, step, newMin, newMax, wta, homeostasis);
    }

    public Stdp withHomeostasis(Homeostasis newHomeostasis) {
        return new Stdp(source, window, probabilityBits, pPlus, pMinus, step, min, max, wta,
                Optional.ofNullable(newHomeostasis));
    }

    /** Neuron {@code j}'s threshold offset: its homeostasis offset, or 0. */
    public int thresholdOffset(int j) {
        return homeostasis.map(h -> h.offset(j)).orElse(0);
    }

    /**
     * True when the layer's spikes depend on the rule even with learning off, so that the batch engine, which
     * runs every neuron on its own at the layer's threshold, cannot run it: winner-take-all, or a learned
     * threshold offset other than 0.
     */
    public boolean shapesInference() {
        return wta || homeostasis.map(h -> h.offsets().stream().anyMatch(o -> o != 0)).orElse(false);
    }

    /**
     * The mask a weight's update bit uses: the weight plan's {@code neuronMask ^ inputMask}, cut to its low
     * {@code probabilityBits} bits, so that {@code ^ mask} is a bijection of the {@code kp}-bit numbers
     * whatever {@code weightBits} is (docs/semantics.md, section 12.3).
     */
    public int updateMask(int neuronMask, int inputMask) {
        return (neuronMask ^ inputMask) & ((1 << probabilityBits) - 1);
    }

    /** The code {@code w} after one update: up by {@code step} (potentiation) or down, clamped to {@code min .. max}. */
    public int updated(int w, boolean potentiation) {
        return potentiation ? Math.min(max, w + step) : Math.max(min, w - step);
    }
}
