package org.scforge.generators;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;

/** Entry point: {@code Generators.verilog(network).options(...).writeTo(dir)}. */
public final class Generators {

    private Generators() {
    }

    /** The RTL of a network, with a test bench of corner and seeded random frames when asked for one. */
    public static VerilogGenerator verilog(Network network) {
        refuseLearning(network);
        return new VerilogGenerator(ModelDocument.of(network));
    }

    /**
     * Refuses a network with a learning layer: the generators emit no learning RTL yet (issue 16), and a design
     * that silently froze the weights would not be the model. Learned weights are ordinary weights: save the
     * network without its rule ({@code DenseLayer.withLearning(null)}) to generate it.
     */
    public static void refuseLearning(Network network) {
        network.layers().stream().filter(org.scforge.dsl.DenseLayer::learns).findFirst().ifPresent(layer -> {
            throw new IllegalArgumentException(noLearningRtlFor(network, layer.name()));
        });
    }

    /** Why no design is generated for a network with a learning layer, and what to do instead. */
    public static String noLearningRtlFor(Network network, String layer) {
        return "network '" + network.name() + "' has a learning layer ('" + layer + "'), for which no RTL is generated"
                + " yet (issue 16); remove the layer's \"learning\" object to generate the network with its weights"
                + " frozen (docs/semantics.md, section 12)";
    }

    /** The RTL of a model; its test frames, when present, feed the test bench. */
    public static VerilogGenerator verilog(ModelDocument document) {
        refuseLearning(document.network());
        return new VerilogGenerator(document);
    }
}
