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
 * @param layers      the dense layers, first to last; the last is a counting readout
 */
public record Network(String name, int inputs, Code inputCode, int weightBits, int length, List<Source> sources,
                      InputPlan inputPlan, List<DenseLayer> layers) {

    public Network {
        sources = List.copyOf(sources);
        layers = List.copyOf(layers);
        Validator.check(name, inputs, inputCode, weightBits, length, sources, inputPlan, layers);
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
        return inputCode.signed() ? layers.get(0).synapse() : Synapse.AND;
    }

    public DenseLayer readout() {
        return layers.get(layers.size() - 1);
    }

    /** Number of classes: the readout's neurons. */
    public int classes() {
        return readout().neurons();
    }

    /** Synapses (weights and biases) in all layers. */
    public long synapses() {
        return layers.stream().mapToLong(l -> (long) l.neurons() * (l.fanIn() + 1)).sum();
    }

    public Network withLayers(List<DenseLayer> newLayers) {
        return new Network(name, inputs, inputCode, weightBits, length, sources, inputPlan, newLayers);
    }

    public Network withLength(int newLength) {
        return new Network(name, inputs, inputCode, weightBits, newLength, sources, inputPlan, layers);
    }

    /** The one-line summary that {@code scforge validate} prints. */
    public String summary() {
        Widths widths = Widths.of(this);
        StringBuilder shape = new StringBuilder().append(inputs);
        for (DenseLayer layer : layers) {
            shape.append("-").append(layer.neurons());
        }
        long neurons = layers.stream().mapToLong(DenseLayer::neurons).sum();
        List<String> xnor = layers.stream().filter(DenseLayer::isXnor).map(DenseLayer::name).toList();
        // and is the default: only xnor layers are named, so the summary of an and network is unchanged
        String synapseKinds = xnor.isEmpty() ? "" : " (xnor synapses: " + String.join(", ", xnor) + ")";
        return String.format("%s: %s, %d layers, %d neurons, %d synapses, L=%d, inputs %s, weights sm%d%s, widths %s",
                name, shape, layers.size(), neurons, synapses(), length, inputCode.shortName(), weightBits,
                synapseKinds, widths.summary());
    }
}
