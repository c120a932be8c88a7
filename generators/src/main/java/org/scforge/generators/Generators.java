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
     * Refuses a network with conv or pool layers: the golden model runs them, but no generator, plan or estimate
     * knows their RTL yet (issue 15), and treating one as its dense layers would be another network.
     */
    public static void refuseImageLayers(Network network) {
        if (network.hasImageLayers()) {
            throw new IllegalArgumentException("network '" + network.name() + "' has conv or pool layers ("
                    + network.imageLayers().get(0).name() + "); the golden model runs them, but no RTL is generated"
                    + " for them yet (issue 15)");
        }
    }

    /** The RTL of a model; its test frames, when present, feed the test bench. */
    public static VerilogGenerator verilog(ModelDocument document) {
        return new VerilogGenerator(document);
    }
}
