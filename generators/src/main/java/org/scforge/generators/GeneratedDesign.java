package org.scforge.generators;

import org.scforge.dsl.Widths;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated design on disk.
 *
 * @param top        the top module (the network's name)
 * @param directory  where the files are
 * @param rtlFiles   the Verilog files of the design, in an order every tool accepts (blocks first, top last)
 * @param widths     the register widths the RTL uses
 * @param ports      the top module's ports, in declaration order
 * @param options    the options it was generated with
 * @param timing     when done rises and when each layer shows a step's values (the fold's windows)
 */
public record GeneratedDesign(String top, Path directory, List<Path> rtlFiles, Widths widths, List<Port> ports,
                              GeneratorOptions options, FrameTiming timing) {

    public GeneratedDesign {
        rtlFiles = List.copyOf(rtlFiles);
        ports = List.copyOf(ports);
    }
}
