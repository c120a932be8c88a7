package org.scforge.dsl;

import java.util.List;
import java.util.Optional;

/**
 * The immutable description of a stochastic-computing spiking network, weights included: the one
 * thing the simulator and the generators share. Constructing one validates it ({@link Validator}), so
 * nothing invalid exists as a {@code Network}.
 *
 * @param name        the network's name (a Verilog identifier; the top module is named after it)
 * @param inputs      how many input features a frame has
 * @param inputCode   the code of each input feature (unsigned or sign-magnitude)
 * @param weightBits  magnitude bits of every weight and bias code (weights are sign-magnitude)
 * @param length      L, the bitstream length: steps per frame
 * @param sources     the number sources
 * @param inputPlan   which source and masks the input SNGs use
 * @param imageLayers the conv and pool layers in front, on the input image, first to last (often none)
 * @param layers      the dense layers after them, first to last; the last is a counting readout
 */
public record Network(String name, int inputs, Code inputCode, int weightBits, int length, List<Source> sources,
                      InputPlan inputPlan, List<ImageLayer> imageLayers, List<DenseLayer> layers) {

    public Network {
        sources = List.copyOf(sources);
        imageLayers = List.copyOf(imageLayers);
        layers = List.copyOf(layers);
        Validator.check(name, inputs, inputCode, weightBits, length, sources, inputPlan, imageLayers, layers);
    }

    /** A network of dense layers only. */
    public Network(String name, int inputs, Code inputCode, int weightBits, int length, List<Source> sources,
                   InputPlan inputPlan, List<DenseLayer> layers) {
        this(name, inputs, inputCode, weightBits, length, sources, inputPlan, List.of(), layers);
    }

    /** True when image layers (conv, pool) come first: only the golden model runs such a network yet (issue 15). */
    public boolean hasImageLayers() {
        return !imageLayers.isEmpty();
    }

    /** The conv layers among the image layers, in order. */
    public List<ConvLayer> convLayers() {
        return ConvLayer.among(imageLayers);
    }

    /** D: the layers of the pipeline, image layers and dense layers (docs/semantics.md sections 1 and 11). */
    public int depth() {
        return imageLayers.size() + layers.size();
    }

    /** The fan-in of the first dense layer: the last image layer's neurons, or the inputs. */
    public int denseInputs() {
        return imageLayers.isEmpty() ? inputs : imageLayers.get(imageLayers.size() - 1).neurons();
    }

    /** Starts a builder: {@code Network.named("mnist").inputs(50, Code.signMagnitude(8))...build()}. */
    public static NetworkBuilder named(String name) {
        return new NetworkBuilder(name);
    }

    public Code weightCode() {
        return Code.signMagnitude(weightBits);
    }

    public Optional<Source> source(String sourceName) {
        return sources.stream().filter(s -> s.name().equals(sourceName)).findFirst();
    }

    /**
     * How the input SNGs compare (docs/semantics.md, section 5.2): {@link Synapse#XNOR} (the offset code
     * {@code c + 2^k} in {@code k + 1} bits) when sign-magnitude inputs feed an xnor first layer,
     * otherwise {@link Synapse#AND} ({@code |c|} in {@code k} bits, the sign carried apart).
     */
    public Synapse inputSynapse() {
        return inputCode.signed() && imageLayers.isEmpty() ? layers.get(0).synapse() : Synapse.AND;
    }

    public DenseLayer readout() {
        return layers.get(layers.size() - 1);
    }

    /** Number of classes: the readout's neurons. */
    public int classes() {
        return readout().neurons();
    }

    /** Synapses (weights and biases) in all layers: a conv layer's at every position, padding included; pools have none. */
    public long synapses() {
        return convLayers().stream().mapToLong(c -> (long) c.neurons() * (c.taps() + 1)).sum()
                + layers.stream().mapToLong(l -> (long) l.neurons() * (l.fanIn() + 1)).sum();
    }

    public Network withLayers(List<DenseLayer> newLayers) {
        return new Network(name, inputs, inputCode, weightBits, length, sources, inputPlan, imageLayers, newLayers);
    }

    public Network withImageLayers(List<ImageLayer> newImageLayers) {
        return new Network(name, inputs, inputCode, weightBits, length, sources, inputPlan, newImageLayers, layers);
    }

    public Network withLength(int newLength) {
        return new Network(name, inputs, inputCode, weightBits, newLength, sources, inputPlan, imageLayers, layers);
    }

    /** The one-line summary that {@code scforge validate} prints. */
    public String summary() {
        // the conv layers' widths first, in pipeline order, then the dense layers'
        List<Widths.LayerWidths> all = new java.util.ArrayList<>();
        convLayers().forEach(c -> all.add(Widths.ofKernel(c, length)));
        all.addAll(Widths.of(this).layers());
        Widths widths = new Widths(all, Widths.unsignedBits(length));
        StringBuilder shape = new StringBuilder().append(imageLayers.isEmpty() ? String.valueOf(inputs)
                : imageLayers.get(0).input().toString());
        for (ImageLayer image : imageLayers) {
            if (image instanceof ConvLayer conv) {
                shape.append("-conv(").append(conv.channels()).append("x").append(conv.kernelHeight()).append("x")
                        .append(conv.kernelWidth()).append(" s").append(conv.stride()).append(" p").append(conv.padding());
            } else if (image instanceof PoolLayer pool) {
                shape.append("-pool(").append(pool.window()).append("x").append(pool.window()).append(" s")
                        .append(pool.stride());
            }
            shape.append(")=").append(image.output());
        }
        for (DenseLayer layer : layers) {
            shape.append("-").append(layer.neurons());
        }
        long neurons = imageLayers.stream().mapToLong(ImageLayer::neurons).sum()
                + layers.stream().mapToLong(DenseLayer::neurons).sum();
        List<String> xnor = layers.stream().filter(DenseLayer::isXnor).map(DenseLayer::name).toList();
        // and is the default: only xnor layers are named, so the summary of an and network is unchanged
        String synapseKinds = xnor.isEmpty() ? "" : " (xnor synapses: " + String.join(", ", xnor) + ")";
        // likewise only learning layers are named (docs/semantics.md section 12)
        List<String> learning = layers.stream().filter(DenseLayer::learns).map(DenseLayer::name).toList();
        String learns = learning.isEmpty() ? "" : " (learning: " + String.join(", ", learning) + ")";
        return String.format("%s: %s, %d layers, %d neurons, %d synapses, L=%d, inputs %s, weights sm%d%s%s, widths %s",
                name, shape, imageLayers.size() + layers.size(), neurons, synapses(), length, inputCode.shortName(), weightBits,
                synapseKinds, learns, widths.summary());
    }
}
