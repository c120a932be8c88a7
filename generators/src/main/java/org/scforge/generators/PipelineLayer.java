package org.scforge.generators;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.PoolLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One layer of a network's pipeline as the generators see it, in the golden model's order: the conv and
 * pool layers on the image first, then the dense layers (docs/semantics.md sections 1 and 11, docs/rtl.md
 * "Conv and pool layers"). Each is what a folding plan folds: {@code N} neurons of {@code F} synapses.
 */
public sealed interface PipelineLayer {

    String name();

    /** N: the neurons (a conv or pool layer's: one per output pixel and channel). */
    int neurons();

    /** F: the synapses of one neuron, its bias apart (a conv layer's window taps Q, a pool's window). */
    int fanIn();

    /** The weights, biases, neuron model and plan its lanes read: a conv layer's kernel; none for a pool. */
    Optional<DenseLayer> weights();

    /** True for the counting readout, the last layer. */
    default boolean isReadout() {
        return weights().map(DenseLayer::isReadout).orElse(false);
    }

    /** A dense layer. */
    record Dense(DenseLayer layer) implements PipelineLayer {
        public String name() {
            return layer.name();
        }

        public int neurons() {
            return layer.neurons();
        }

        public int fanIn() {
            return layer.fanIn();
        }

        public Optional<DenseLayer> weights() {
            return Optional.of(layer);
        }
    }

    /** A conv layer: its kernel's {@code K} channels at every output position, one weight stream per tap. */
    record Conv(ConvLayer conv) implements PipelineLayer {
        public String name() {
            return conv.name();
        }

        public int neurons() {
            return conv.neurons();
        }

        public int fanIn() {
            return conv.taps();
        }

        public Optional<DenseLayer> weights() {
            return Optional.of(conv.kernel());
        }
    }

    /** An OR pool: no weights, no state, computed in one cycle. */
    record Pool(PoolLayer pool) implements PipelineLayer {
        public String name() {
            return pool.name();
        }

        public int neurons() {
            return pool.neurons();
        }

        public int fanIn() {
            return pool.taps();
        }

        public Optional<DenseLayer> weights() {
            return Optional.empty();
        }
    }

    static PipelineLayer of(ImageLayer layer) {
        return layer instanceof ConvLayer c ? new Conv(c) : new Pool((PoolLayer) layer);
    }

    /** Every layer of {@code network}, first to last: its length is {@code network.depth()}. */
    static List<PipelineLayer> of(Network network) {
        List<PipelineLayer> layers = new ArrayList<>();
        network.imageLayers().forEach(l -> layers.add(of(l)));
        network.layers().forEach(l -> layers.add(new Dense(l)));
        return List.copyOf(layers);
    }
}
