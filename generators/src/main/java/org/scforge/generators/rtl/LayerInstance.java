package org.scforge.generators.rtl;

/**
 * What the top template reads of one layer's instance.
 *
 * @param index            the layer's position, 0 first
 * @param name             the layer's name, also the instance's
 * @param module           {@code <top>_layer_<name>}
 * @param neurons          N
 * @param stateBits        bits of a membrane or count
 * @param integrateAndFire an integrate-and-fire layer (dense or conv), not the readout
 * @param pool             an OR pool: no source, no state, only spikes
 * @param signedInputs     the inputs carry signs (x_negative)
 * @param numberBits       bits it reads of its source
 * @param inputs           the vector it reads: the input stream or the previous layer's spikes
 * @param sourceInstance   its source's instance
 * @param sourceWidth      that source's bits
 * @param windowLast       it takes window_cycle's last-cycle strobe (integrate-and-fire or chunked)
 * @param learnNumber      a learning layer's learn_number: the top kp bits of its learning source's instance; else empty
 * @param weightsBits      a learning layer's weights port, N * F * (weightBits + 1) bits, or for one folded with its
 *                         weights in memory its weights_words port, P * W bits; else 0
 * @param offsetsBits      a learning layer with homeostasis: its offsets port, N * offset bits (it also takes
 *                         learning_frame_ends, at which its offsets decay); else 0
 * @param addressBits      a learning layer folded with its weights in memory: its weights_address port (docs/rtl.md,
 *                         "Folded learning layers"); else 0
 */
public record LayerInstance(int index, String name, String module, int neurons, int stateBits,
                            boolean integrateAndFire, boolean pool, boolean signedInputs, int numberBits, String inputs,
                            String sourceInstance, int sourceWidth, boolean windowLast,
                            String learnNumber, int weightsBits, int offsetsBits, int addressBits) {
}
