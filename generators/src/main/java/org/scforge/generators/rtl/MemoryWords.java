package org.scforge.generators.rtl;

import org.scforge.dsl.DenseLayer;

import java.math.BigInteger;

/**
 * The weights of one chunk of S synapses of one neuron, as a folded lane reads them in one cycle
 * (docs/rtl.md, "Weights in memory"). Synapse {@code c*S + i} of neuron {@code j} (synapse F is the
 * bias) sits at position i of chunk c; positions past the bias are zero. A word is, from bit 0 up, the
 * compared code of every position (magnitude for and, offset code for xnor), then for and layers one
 * sign bit per position (1 = negative), then the neuron's mask {@code neuronMasks[j]}. The planner sizes a
 * folded layer's block RAMs by {@link #bits()}.
 */
public final class MemoryWords {

    private final DenseLayer layer;
    private final int weightBits;
    private final int numberBits;
    private final int terms;

    /** The words of {@code layer} with {@code weightBits}-bit weights read {@code terms} synapses a cycle. */
    public MemoryWords(DenseLayer layer, int weightBits, int terms) {
        this.layer = layer;
        this.weightBits = weightBits;
        this.numberBits = layer.synapse().comparedBits(weightBits);
        this.terms = terms;
    }

    /** S: the synapse positions of a word. */
    public int terms() {
        return terms;
    }

    /**
     * The signed codes of an and layer's word, position by position (docs/rtl.md, "Folded learning layers": the
     * readback of a learning layer decodes its words so): position {@code i} is the magnitude at
     * {@code [i*B +: B]} with the sign at bit {@code S*B + i} (1 = negative).
     */
    public int[] codes(BigInteger word) {
        if (layer.isXnor()) {
            throw new IllegalArgumentException("layer " + layer.name() + " has xnor synapses: its words hold offset codes");
        }
        int[] codes = new int[terms];
        for (int i = 0; i < terms; i++) {
            int magnitude = word.shiftRight(i * numberBits).intValue() & ((1 << numberBits) - 1);
            codes[i] = word.testBit(terms * numberBits + i) ? -magnitude : magnitude;
        }
        return codes;
    }

    /** C: the words of one neuron, its F synapses and its bias S at a time. */
    public int chunks() {
        return (layer.fanIn() + terms) / terms;
    }

    /**
     * The neuron whose words lane {@code lane} of {@code perCycle} reads at word address {@code address}: the word holds
     * chunk {@link #chunk} of neuron {@code (address div C) * P + lane} (docs/rtl.md, "Folded layers"), past the
     * layer's last neuron for a lane with nothing to do in a partial last group.
     */
    public int neuron(int address, int perCycle, int lane) {
        return address / chunks() * perCycle + lane;
    }

    /** The chunk of its neuron that word address {@code address} holds: {@code address mod C}. */
    public int chunk(int address) {
        return address % chunks();
    }

    /** Bits of a word. */
    public int bits() {
        return terms * numberBits + (layer.isXnor() ? 0 : terms) + numberBits;
    }

    /** The word of chunk {@code chunk} of neuron {@code j} as a sized hexadecimal literal. */
    String word(int j, int chunk) {
        BigInteger word = BigInteger.valueOf(layer.plan().neuronMasks().get(j));
        if (!layer.isXnor()) {
            for (int i = terms - 1; i >= 0; i--) {
                word = word.shiftLeft(1).or(present(chunk, i) && weight(j, chunk * terms + i) < 0
                        ? BigInteger.ONE : BigInteger.ZERO);
            }
        }
        for (int i = terms - 1; i >= 0; i--) {
            long code = present(chunk, i) ? layer.synapse().comparedCode(weight(j, chunk * terms + i), weightBits) : 0;
            word = word.shiftLeft(numberBits).or(BigInteger.valueOf(code));
        }
        return bits() + "'h" + word.toString(16);
    }

    private boolean present(int chunk, int position) {
        return chunk * terms + position <= layer.fanIn();
    }

    private int weight(int j, int i) {
        return i < layer.fanIn() ? layer.weights().get(j, i) : layer.bias().get(j);
    }
}
