package org.scforge.dsl;

/**
 * A layer that reads an image and makes one: a {@link ConvLayer} or a {@link PoolLayer}. A network's
 * image layers come before its dense layers; the last one's output, flat, is the first dense layer's
 * input (docs/semantics.md section 11).
 */
public sealed interface ImageLayer permits ConvLayer, PoolLayer {

    String name();

    ImageShape input();

    ImageShape output();

    /** One neuron per output pixel and channel, neuron {@code j = (oy * Wo + ox) * K + k}. */
    default int neurons() {
        return (int) output().count();
    }
}
