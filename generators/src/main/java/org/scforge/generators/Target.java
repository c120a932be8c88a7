package org.scforge.generators;

import java.util.Arrays;
import java.util.Optional;

/**
 * An FPGA the design can be synthesized for: the yosys command, the board whose pins the constraint
 * file assigns, and the device's capacity (used for "fits" when no place-and-route runs).
 */
public enum Target {
    ICE40_UP5K("ice40-up5k", "synth_ice40 -top %s -json %s", "ice40-up5k.pcf",
            "iCE40 UP5K SG48 (iCEBreaker pins)", "up5k", "sg48", 5280, 5280),
    ICE40_HX8K("ice40-hx8k", "synth_ice40 -top %s -json %s", "ice40-hx8k.pcf",
            "iCE40 HX8K CT256 (HX8K breakout board pins)", "hx8k", "ct256", 7680, 7680),
    XC7("xc7", "synth_xilinx -flatten -family xc7 -top %s\nwrite_json %s", "xc7.xdc",
            "Xilinx 7-series XC7A35T (Arty A7-35 pins)", null, null, 20800, 41600),
    ECP5("ecp5", "synth_ecp5 -top %s -json %s", "ecp5.lpf",
            "Lattice ECP5 LFE5U-85F CABGA381 (ULX3S pins)", null, null, 83640, 83640);

    private final String cliName;
    private final String yosysCommand;
    private final String constraintFile;
    private final String device;
    private final String nextpnrDevice;
    private final String nextpnrPackage;
    private final int lutCapacity;
    private final int ffCapacity;

    Target(String cliName, String yosysCommand, String constraintFile, String device, String nextpnrDevice,
           String nextpnrPackage, int lutCapacity, int ffCapacity) {
        this.cliName = cliName;
        this.yosysCommand = yosysCommand;
        this.constraintFile = constraintFile;
        this.device = device;
        this.nextpnrDevice = nextpnrDevice;
        this.nextpnrPackage = nextpnrPackage;
        this.lutCapacity = lutCapacity;
        this.ffCapacity = ffCapacity;
    }

    /** "ice40-up5k", as typed on the command line. */
    public String cliName() {
        return cliName;
    }

    public static Optional<Target> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.cliName.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Target::cliName).toList());
    }

    /** The yosys synthesis step for {@code top}, writing the netlist to {@code json}. */
    public String yosysCommand(String top, String json) {
        return String.format(yosysCommand, top, json);
    }

    public String constraintFile() {
        return constraintFile;
    }

    public String device() {
        return device;
    }

    /** True for the iCE40 targets, which nextpnr-ice40 places and routes. */
    public boolean placeAndRoute() {
        return nextpnrDevice != null;
    }

    /** "--up5k" for nextpnr-ice40. */
    public String nextpnrDeviceOption() {
        return "--" + nextpnrDevice;
    }

    public String nextpnrPackage() {
        return nextpnrPackage;
    }

    public int lutCapacity() {
        return lutCapacity;
    }

    public int ffCapacity() {
        return ffCapacity;
    }
}
