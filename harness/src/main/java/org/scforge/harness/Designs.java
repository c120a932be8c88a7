package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.generators.Design;
import org.scforge.generators.Fold;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a network's RTL with the project's generator and checks that its top module has the ports
 * the contract states ({@link DesignPorts}): a generator that drifted from it fails here, by name,
 * rather than in a C++ compile error.
 */
public final class Designs {

    private Designs() {
    }

    /** Writes the design into {@code dir} (replacing what is there) and returns it as the harness sees it. */
    public static RtlDesign generate(Network network, boolean tracePorts, Path dir) {
        return generate(network, tracePorts, Fold.none(), dir);
    }

    /** The same for a folded design: its ports carry the fold's window length. */
    public static RtlDesign generate(Network network, boolean tracePorts, Fold fold, Path dir) {
        try {
            Design design = Generators.verilog(network)
                    .options(GeneratorOptions.defaults().withTraceOutputs(tracePorts).withFold(fold)).force(true)
                    .writeTo(dir);
            return of(network, design, tracePorts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the design of " + network.name() + " to " + dir, e);
        }
    }

    /** A design already generated from {@code network} (with test benches, say), as the harness sees it. */
    public static RtlDesign of(Network network, Design design, boolean tracePorts) {
        DesignPorts ports = DesignPorts.of(network, tracePorts, design.timing().windowCycles());
        check(design, ports);
        return new RtlDesign(design.top(), design.rtlFiles(), ports);
    }

    /** Generates into a fresh temporary folder. */
    public static RtlDesign generate(Network network, boolean tracePorts) {
        return generate(network, tracePorts, Fold.none());
    }

    /** A folded design into a fresh temporary folder. */
    public static RtlDesign generate(Network network, boolean tracePorts, Fold fold) {
        try {
            return generate(network, tracePorts, fold,
                    Files.createTempDirectory("scforge-" + network.name() + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Design design, DesignPorts expected) {
        List<String> generated = design.ports().stream()
                .map(p -> p.name() + ":" + (p.direction().startsWith("in") ? "in" : "out") + ":" + p.width()).sorted()
                .toList();
        List<String> contract = expected.ports().stream()
                .map(p -> p.name() + ":" + (p.input() ? "in" : "out") + ":" + p.bits()).sorted().toList();
        if (!generated.containsAll(contract)) {
            List<String> missing = contract.stream().filter(p -> !generated.contains(p)).toList();
            throw new IllegalStateException("the generated top module " + design.top()
                    + " lacks the contract's ports " + missing + "; it has " + generated);
        }
    }
}
