package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.board.BoardFiles;
import org.scforge.generators.board.SerialLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a simulator builds a device under test from: the Verilog files, the top module's name and its
 * ports. The factories generate a network's RTL with the project's generator and take the ports the
 * generator says its top module has ({@link DutPorts#of(Network, GeneratedDesign)}); a hand-written design
 * is made with the constructor.
 */
public record DutSources(String top, List<Path> files, DutPorts ports) {
    public DutSources {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("design " + top + " has no Verilog files");
        }
    }

    /** Writes the design into {@code dir} (replacing what is there) and returns it as the harness sees it. */
    public static DutSources generate(Network network, boolean tracePorts, Path dir) {
        return generate(network, tracePorts, Fold.none(), dir);
    }

    /** The same for a folded design: its ports carry the fold's window length. */
    public static DutSources generate(Network network, boolean tracePorts, Fold fold, Path dir) {
        try {
            GeneratedDesign design = Generators.verilog(network)
                    .options(GeneratorOptions.defaults().withTraceOutputs(tracePorts).withFold(fold)).force(true)
                    .writeTo(dir);
            return of(network, design);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the design of " + network.name() + " to " + dir, e);
        }
    }

    /** A design already generated from {@code network} (with test benches, say), as the harness sees it. */
    public static DutSources of(Network network, GeneratedDesign design) {
        return new DutSources(design.top(), design.rtlFiles(), DutPorts.of(network, design));
    }

    /**
     * The board top of {@code network} (docs/rtl.md, "Board top") with {@code fold}, written into {@code dir}:
     * the network's files, then the UART's and the board top's; its ports are the board's pins.
     */
    public static DutSources board(Network network, Fold fold, SerialLink link, Path dir) {
        try {
            GeneratedDesign design = Generators.verilog(network).options(GeneratorOptions.defaults().withFold(fold))
                    .board(link).force(true).writeTo(dir);
            List<Path> files = new java.util.ArrayList<>(design.rtlFiles());
            BoardFiles.verilogFiles(network).forEach(f -> files.add(dir.resolve(f)));
            return new DutSources(BoardFiles.topModule(network), files, DutPorts.plain(BoardFiles.ports()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the board top of " + network.name() + " to " + dir, e);
        }
    }

    /** Generates into a fresh temporary folder. */
    public static DutSources generate(Network network, boolean tracePorts) {
        return generate(network, tracePorts, Fold.none());
    }

    /** A folded design into a fresh temporary folder. */
    public static DutSources generate(Network network, boolean tracePorts, Fold fold) {
        try {
            return generate(network, tracePorts, fold,
                    Files.createTempDirectory("scforge-" + network.name() + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
