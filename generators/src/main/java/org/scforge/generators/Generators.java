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

    /** The RTL of a model; its test frames, when present, feed the test bench. */
    public static VerilogGenerator verilog(ModelDocument document) {
        return new VerilogGenerator(document);
    }
}
