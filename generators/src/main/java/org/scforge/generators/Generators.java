package org.scforge.generators;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;

/** Entry point: {@code Generators.verilog(network).options(...).writeTo(dir)}. */
public final class Generators {

    private Generators() {
    }

    /** The RTL of a network, with a test bench of corner and seeded random frames when asked for one. */
    public static VerilogGenerator verilog(Network network) {
        return new VerilogGenerator(ModelDocument.of(network));
    }

    /**
     * Refuses a network with a learning layer where {@code what} (a board wrapper, a board top, a plan chosen for a
     * part, a mutation campaign) is asked for: learning RTL is generated fully parallel for simulation and
     * co-simulation only (docs/rtl.md, "Learning layers"), and a design that silently froze the weights would not
     * be the model.
     */
    public static void refuseLearning(Network network, String what) {
        network.layers().stream().filter(org.scforge.dsl.DenseLayer::learns).findFirst().ifPresent(layer -> {
            throw new IllegalArgumentException(noLearningRtlFor(network, layer.name(), what));
        });
    }

    /** Why {@code what} is not made for a network with a learning layer, and what to do instead. */
    public static String noLearningRtlFor(Network network, String layer, String what) {
        return "network '" + network.name() + "' has a learning layer ('" + layer + "'), and scforge makes no " + what
                + " of a learning network yet (issue 16); generate or co-simulate it as it is, or remove the layer's"
                + " \"learning\" object to freeze its weights (docs/rtl.md, \"Learning layers\")";
    }

    /** The RTL of a model; its test frames, when present, feed the test bench. */
    public static VerilogGenerator verilog(ModelDocument document) {
        return new VerilogGenerator(document);
    }
}
