package org.scforge.generators.rtl;

/**
 * What the layer template reads of a layer itself (docs/semantics.md sections 5 and 6, widths from
 * {@code Widths}); its plan is a {@link FoldModel}. Literals are Verilog text.
 *
 * @param index            the layer's position, 0 first
 * @param name             the layer's name
 * @param module           {@code <top>_layer_<name>}
 * @param neurons          N
 * @param fanIn            F (a conv layer's window taps Q)
 * @param inputs           bits of its x port: the network's inputs or the previous layer's neurons
 * @param conv             a conv layer: its lanes read the windows of their positions (docs/rtl.md)
 * @param sumBits          bits of a neuron's signed sum S_j(t)
 * @param stateBits        bits of a membrane or count
 * @param workBits         bits of the update's arithmetic
 * @param signedInputs     an and first layer fed sign-magnitude codes: the inputs carry signs
 * @param xnor             xnor (bipolar) synapses
 * @param numberBits       bits each weight comparator reads of the source
 * @param offset           2^weightBits: the offset of an xnor layer's codes
 * @param integrateAndFire an integrate-and-fire layer, not the readout
 * @param kindText         what its neurons are, for the header comment
 * @param threshold        the threshold literal ({@code workBits} wide; empty for the readout)
 * @param floor            the floor literal (empty for the readout)
 * @param ceiling          the ceiling literal (empty for the readout)
 * @param leakShift        the leak shift (0 for the readout)
 */
public record LayerModel(int index, String name, String module, int neurons, int fanIn, int inputs,
                         boolean conv, int sumBits, int stateBits,
                         int workBits, boolean signedInputs, boolean xnor, int numberBits, long offset,
                         boolean integrateAndFire, String kindText, String threshold, String floor, String ceiling,
                         int leakShift) {
}
