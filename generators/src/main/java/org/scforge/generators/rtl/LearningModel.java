package org.scforge.generators.rtl;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Stdp;
import org.scforge.dsl.Widths;

import java.util.ArrayList;
import java.util.List;

/**
 * What the layer template reads of a learning layer's rule (docs/semantics.md section 12, docs/rtl.md
 * "Learning layers"): the rule's constants as Verilog literals, one {@link Synapse} per weight (neuron
 * {@code j}, input {@code i}, {@code j} major) and per neuron the word its lane reads, in which only the mask
 * and the bias are constants. A learning layer is always fully parallel (lane {@code j} is neuron {@code j}).
 *
 * @param probabilityBits kp, the bits of learn_number
 * @param ageBits         bits of a pre age, ceil(log2(Wn + 1))
 * @param window          Wn, {@code ageBits} wide
 * @param codeBits        B = weightBits + 1, a weight code in two's complement
 * @param weightsBits     N * F * B, the layer's weights port
 * @param pPlus           the potentiation probability code, kp bits
 * @param pMinus          the depression probability code, kp bits
 * @param step            the update step, B + 2 bits signed (the synapse's arithmetic)
 * @param min             the lowest code, B + 2 bits signed
 * @param max             the highest code, B + 2 bits signed
 * @param wta             winner-take-all while learning
 * @param indexBits       bits of the winner's index, max(1, ceil(log2 N))
 * @param floorMembrane   the layer's floor as a membrane literal (what a neuron that lost is set to)
 * @param synapses        every weight, neuron by neuron
 * @param words           per neuron, its lane's word: mask, bias and the synapses' signs and magnitudes
 * @param homeostasis     the adaptive thresholds (section 12.5), or null for a rule without homeostasis
 * @param folded          a layer folded with its weights in memory (docs/rtl.md, "Folded learning layers"), or null
 *                        for the fully parallel one
 */
public record LearningModel(int probabilityBits, int ageBits, String window, int codeBits, int weightsBits, String pPlus,
                            String pMinus, String step, String min, String max, boolean wta, int indexBits,
                            String floorMembrane, List<Synapse> synapses, List<String> words, Homeostasis homeostasis,
                            Folded folded) {

    /**
     * A learning layer folded with its weights in memory (docs/rtl.md, "Folded learning layers"): the lanes' RAM words
     * updated one step late by a read-modify-write, and the readback ports.
     *
     * @param addressBits  bits of a word address (of G - 1, at least 1): the weights_address port
     * @param windowAddress the address the lanes read in a frame: the low bits of window_cycle
     * @param fetchAddress the address of the word in the lanes' word registers: the low bits of fetch_cycle
     * @param wordsBits    P * W, the weights_words port
     * @param laneBits     bits of a lane's index, max(1, ceil(log2 P)): the group argmax's index
     * @param chunkLearns  per chunk, which of its positions learn (the inputs, not the bias nor the padding), S bits
     * @param noContest    the most negative u (workBits): a neuron that does not reach its threshold in the contest
     */
    public record Folded(int addressBits, String windowAddress, String fetchAddress, int wordsBits, int laneBits,
                         List<String> chunkLearns, String noContest) {

        public Folded {
            chunkLearns = List.copyOf(chunkLearns);
        }
    }

    public LearningModel {
        synapses = List.copyOf(synapses);
        words = List.copyOf(words);
    }

    /**
     * Weight {@code (neuron, input)}: the instance {@code <layer>_weight_<neuron>_<input>} of the stdp_synapse block.
     *
     * @param name    {@code <layer>_weight_<neuron>_<input>}
     * @param learns  {@code <layer>_neuron_<neuron>_learns}: its neuron updates at this edge
     * @param initial the model file's code, B bits signed
     * @param mask    the update mask {@code (neuronMasks[j] ^ inputMasks[i]) & (2^kp - 1)}, kp bits
     */
    public record Synapse(String name, String learns, int neuron, int input, String initial, String mask) {
    }

    /**
     * The threshold offsets of a rule with homeostasis (docs/rtl.md, "Learning layers"): one register per neuron,
     * {@code offsetBits} wide (it holds {@code 0 .. limit}), and a counter of learning frames modulo {@code decayFrames}.
     *
     * @param offsetBits  bits of an offset register, enough for {@code limit}
     * @param step        the raise at a learning spike, {@code offsetBits} wide
     * @param limit       the highest offset, {@code offsetBits} wide
     * @param frameBits   bits of the learning-frame counter, which holds {@code 0 .. decayFrames - 1}
     * @param decayFrames every how many learning frames the offsets drop by 1
     * @param lastFrame   {@code decayFrames - 1}, {@code frameBits} wide: the count at which the offsets decay
     * @param padBits     workBits - offsetBits: the zeros that widen an offset to the threshold's width
     * @param noContest   the most negative {@code u} (workBits), below every u that reaches a threshold (>= 1): the
     *                    potential winner-take-all sees of a neuron that does not reach its own threshold
     * @param neurons     per neuron, its offset register and threshold wire
     */
    public record Homeostasis(int offsetBits, String step, String limit, int frameBits, int decayFrames, String lastFrame, int padBits,
                              String noContest, List<Offset> neurons) {

        public Homeostasis {
            neurons = List.copyOf(neurons);
        }
    }

    /**
     * Neuron {@code j}'s threshold offset.
     *
     * @param name      {@code <layer>_neuron_<j>_offset}, the register
     * @param threshold {@code <layer>_neuron_<j>_threshold}, the threshold its lane compares with
     * @param learns    {@code <layer>_neuron_<j>_learns}: the offset rises at this edge
     * @param initial   the model file's offset, {@code offsetBits} wide
     */
    public record Offset(String name, String threshold, String learns, String initial) {
    }

    /** The model of {@code layer}, whose rule is present, with {@code weightBits}-bit weights and membranes as {@code widths} says. */
    static LearningModel of(DenseLayer layer, int weightBits, Widths.LayerWidths widths, Folded folded) {
        Stdp rule = layer.learning().orElseThrow();
        int kp = rule.probabilityBits();
        int codeBits = weightBits + 1;
        int ageBits = Widths.unsignedBits(rule.window());
        int fanIn = layer.fanIn();
        List<Synapse> synapses = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int j = 0; j < layer.neurons(); j++) {
            List<String> negatives = new ArrayList<>();
            List<String> magnitudes = new ArrayList<>();
            for (int i = 0; i < fanIn; i++) {
                String name = layer.name() + "_weight_" + j + "_" + i;
                int mask = rule.updateMask(layer.plan().neuronMasks().get(j), layer.plan().inputMasks().get(i));
                synapses.add(new Synapse(name, layer.name() + "_neuron_" + j + "_learns", j, i,
                        VerilogLiterals.signed(codeBits, layer.weights().get(j, i)), VerilogLiterals.unsigned(kp, mask)));
                negatives.add(0, name + "_negative");
                magnitudes.add(0, name + "_magnitude");
            }
            int bias = layer.bias().get(j);
            // the word layout of docs/rtl.md: magnitudes from bit 0 (the bias at position F), then the signs, then the mask
            words.add("{" + VerilogLiterals.unsigned(weightBits, layer.plan().neuronMasks().get(j)) + ",\n        "
                    + (bias < 0 ? "1'b1" : "1'b0") + ", " + String.join(", ", negatives) + ",\n        "
                    + VerilogLiterals.unsigned(weightBits, Math.abs(bias)) + ", " + String.join(", ", magnitudes) + "}");
        }
        int work = codeBits + 2;
        return new LearningModel(kp, ageBits, VerilogLiterals.unsigned(ageBits, rule.window()), codeBits,
                layer.neurons() * fanIn * codeBits, VerilogLiterals.unsigned(kp, rule.pPlus()),
                VerilogLiterals.unsigned(kp, rule.pMinus()), VerilogLiterals.signed(work, rule.step()),
                VerilogLiterals.signed(work, rule.min()), VerilogLiterals.signed(work, rule.max()), rule.wta(),
                Widths.classBits(layer.neurons()), VerilogLiterals.signed(widths.stateBits(),
                        ((org.scforge.dsl.NeuronModel.IntegrateAndFire) layer.neuron()).floor()), synapses, words,
                rule.homeostasis().map(h -> homeostasis(layer, rule, h, widths)).orElse(null), folded);
    }

    private static Homeostasis homeostasis(DenseLayer layer, Stdp rule, Stdp.Homeostasis h, Widths.LayerWidths widths) {
        int offsetBits = Widths.unsignedBits(h.limit());
        int frameBits = Widths.unsignedBits(h.decayFrames() - 1);
        List<Offset> neurons = new ArrayList<>();
        for (int j = 0; j < layer.neurons(); j++) {
            String neuron = layer.name() + "_neuron_" + j;
            neurons.add(new Offset(neuron + "_offset", neuron + "_threshold", neuron + "_learns",
                    VerilogLiterals.unsigned(offsetBits, rule.thresholdOffset(j))));
        }
        return new Homeostasis(offsetBits, VerilogLiterals.unsigned(offsetBits, h.step()),
                VerilogLiterals.unsigned(offsetBits, h.limit()), frameBits, h.decayFrames(),
                VerilogLiterals.unsigned(frameBits, h.decayFrames() - 1), widths.workBits() - offsetBits,
                VerilogLiterals.signed(widths.workBits(), -(1L << (widths.workBits() - 1))), neurons);
    }
}
