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
 */
public record LearningModel(int probabilityBits, int ageBits, String window, int codeBits, int weightsBits, String pPlus,
                            String pMinus, String step, String min, String max, boolean wta, int indexBits,
                            String floorMembrane, List<Synapse> synapses, List<String> words) {

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

    /** The model of {@code layer}, whose rule is present, with {@code weightBits}-bit weights and membranes as {@code widths} says. */
    static LearningModel of(DenseLayer layer, int weightBits, Widths.LayerWidths widths) {
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
                        ((org.scforge.dsl.NeuronModel.IntegrateAndFire) layer.neuron()).floor()), synapses, words);
    }
}
