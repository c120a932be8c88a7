package org.scforge.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated design as the harness sees it: the Verilog files, the top module's name and its ports.
 */
public record RtlDesign(String top, List<Path> files, DesignPorts ports) {
    public RtlDesign {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("design " + top + " has no Verilog files");
        }
    }
}
