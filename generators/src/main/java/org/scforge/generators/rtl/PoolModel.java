package org.scforge.generators.rtl;

import java.util.List;

/**
 * What the pool template reads of an OR pool layer (docs/semantics.md section 11.5, docs/rtl.md "Conv and pool
 * layers").
 *
 * @param index   the layer's position, 0 first
 * @param name    the layer's name
 * @param module  {@code <top>_layer_<name>}
 * @param inputs  bits of x, the previous layer's spikes
 * @param neurons its outputs
 * @param input   the input image's shape, for the header
 * @param output  the output image's shape
 * @param window  the window's side
 * @param stride  the stride
 * @param windowed T > 1: it steps at window_last
 * @param outputs per output neuron the x bits of its window
 */
public record PoolModel(int index, String name, String module, int inputs, int neurons, String input, String output,
                        int window, int stride, boolean windowed, List<Output> outputs) {

    public PoolModel {
        outputs = List.copyOf(outputs);
    }

    /**
     * Output {@code index}: the concatenation of the input spikes of its window, last tap first.
     */
    public record Output(int index, String taps) {
    }
}
