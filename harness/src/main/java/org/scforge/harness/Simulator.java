package org.scforge.harness;

import org.scforge.generators.Tool;

import java.util.Locale;

/** The RTL simulators a design can be co-simulated in, each with the tool (and Debian package) it needs. */
public enum Simulator {
    VERILATOR(Tool.VERILATOR),
    ICARUS(Tool.IVERILOG);

    private final Tool tool;

    Simulator(Tool tool) {
        this.tool = tool;
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

    /** Whether the tool (and, for Icarus, vvp) is on the PATH. */
    public boolean available() {
        return tool.available() && (this != ICARUS || Tool.VVP.available());
    }

    /** Throws {@link ToolMissingException} naming the Debian package when the tool is not installed. */
    public void requireAvailable() {
        if (!available()) {
            throw new ToolMissingException(this);
        }
    }
}
