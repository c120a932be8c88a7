package org.scforge.harness;

import java.util.Locale;

/** The RTL simulators a design can be co-simulated in, with the tool each needs and its Debian package. */
public enum Simulator {
    VERILATOR("verilator", "verilator"),
    ICARUS("iverilog", "iverilog");

    private final String tool;
    private final String debianPackage;

    Simulator(String tool, String debianPackage) {
        this.tool = tool;
        this.debianPackage = debianPackage;
    }

    /** The executable that must be on the PATH. */
    public String tool() {
        return tool;
    }

    public String debianPackage() {
        return debianPackage;
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

    /** Whether the tool is on the PATH. */
    public boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link ToolMissingException} naming the Debian package when the tool is not installed. */
    public void requireAvailable() {
        if (!available()) {
            throw new ToolMissingException(this);
        }
    }
}
