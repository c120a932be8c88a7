package org.scforge.harness;

import org.scforge.generators.Tool;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RTL simulators a design can be co-simulated in, each with the tools (and Debian packages) it needs:
 * Verilator's build runs make and g++, Icarus's model runs in vvp.
 */
public enum Simulator {
    VERILATOR(Tool.VERILATOR, Tool.MAKE, Tool.GXX),
    ICARUS(Tool.IVERILOG, Tool.VVP);

    private final Tool tool;
    private final List<Tool> helpers;

    Simulator(Tool tool, Tool... helpers) {
        this.tool = tool;
        this.helpers = List.of(helpers);
    }

    /** The simulator's own tool. */
    Tool executable() {
        return tool;
    }

    /** The executable that must be on the PATH. */
    public String tool() {
        return tool.command();
    }

    public String debianPackage() {
        return tool.debianPackage();
    }

    /** "verilator" or "icarus", as on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Simulator parse(String text) {
        for (Simulator s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown simulator '" + text + "'; use verilator or icarus");
    }

    /** Whether every tool it needs is on the PATH. */
    public boolean available() {
        return missing().isEmpty();
    }

    /** The first tool it needs that is not on the PATH: the simulator itself first, then its helpers. */
    public Optional<Tool> missing() {
        if (!tool.available()) {
            return Optional.of(tool);
        }
        return helpers.stream().filter(t -> !t.available()).findFirst();
    }

    /** Throws {@link ToolMissingException} naming the Debian package when the tool is not installed. */
    public void requireAvailable() {
        if (!available()) {
            throw new ToolMissingException(this);
        }
    }
}
