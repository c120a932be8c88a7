package org.scforge.sim.train;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.PoolLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer as the trainer sees it: how many values it reads and gives, and its trainable numbers, {@code rows}
 * weight rows of {@code fanIn} and one bias per row (a conv layer's rows are its kernel's channels, shared by
 * every position; a pool has none). The last stage of a network is the readout.
 */
sealed interface Stage {

    int inputs();

    int outputs();

    /** Weight rows (neurons of a dense layer, channels of a kernel), 0 for a pool. */
    int rows();

    /** Weights per row. */
    int fanIn();

    /** Whether the stage has integrate-and-fire neurons (a threshold and the rate model's clip). */
    default boolean spiking() {
        return rows() > 0;
    }

    default int parameters() {
        return rows() * fanIn() + rows();
    }

    record Dense(int inputs, int outputs) implements Stage {
        @Override
        public int rows() {
            return outputs;
        }

        @Override
        public int fanIn() {
            return inputs;
        }
    }

    /** Neuron {@code p * channels + k} is channel {@code k} at position {@code p}; {@code taps[p * fanIn + q]} its input, -1 padding. */
    record Conv(int inputs, int channels, int fanIn, int positions, int[] taps) implements Stage {
        @Override
        public int outputs() {
            return positions * channels;
        }

        @Override
        public int rows() {
            return channels;
        }
    }

    /** OR pool: output {@code j} reads {@code taps[j * window + q]}. */
    record Pool(int inputs, int outputs, int window, int[] taps) implements Stage {
        @Override
        public int rows() {
            return 0;
        }

        @Override
        public int fanIn() {
            return 0;
        }
    }

    /** The stages of {@code network}: its image layers, then its dense layers (the golden model's layer order). */
    static List<Stage> of(Network network) {
        List<Stage> stages = new ArrayList<>();
        int in = network.inputs();
        for (ImageLayer image : network.imageLayers()) {
            int out = (int) image.output().count();
            if (image instanceof ConvLayer conv) {
                int positions = out / conv.channels();
                int[] taps = new int[positions * conv.taps()];
                for (int p = 0; p < positions; p++) {
                    for (int q = 0; q < conv.taps(); q++) {
                        taps[p * conv.taps() + q] = conv.inputOf(p * conv.channels(), q);
                    }
                }
                stages.add(new Conv(in, conv.channels(), conv.taps(), positions, taps));
            } else {
                PoolLayer pool = (PoolLayer) image;
                int[] taps = new int[out * pool.taps()];
                for (int j = 0; j < out; j++) {
                    for (int q = 0; q < pool.taps(); q++) {
                        taps[j * pool.taps() + q] = pool.inputOf(j, q);
                    }
                }
                stages.add(new Pool(in, out, pool.taps(), taps));
            }
            in = out;
        }
        for (DenseLayer layer : network.layers()) {
            stages.add(new Dense(in, layer.neurons()));
            in = layer.neurons();
        }
        return List.copyOf(stages);
    }

    /** {@code inputs -> hidden -> classes}. */
    static List<Stage> twoLayer(int inputs, int hidden, int classes) {
        return List.of(new Dense(inputs, hidden), new Dense(hidden, classes));
    }
}
