package org.scforge.generators.synth;

import java.util.Arrays;
import java.util.Optional;

/**
 * An FPGA the design can be synthesized for: the yosys command, the board whose pins the constraint
 * file assigns, and the device's capacity (used for "fits" when no place-and-route runs).
 */
public enum Target {
    ICE40_UP5K("ice40-up5k", "synth_ice40 -top %s -json %s", "ice40-up5k.pcf",
            "iCE40 UP5K SG48 (iCEBreaker pins)", "up5k", "sg48", 5280, 5280, 30, BramShapes.ICE40, 0.72, 12),
    ICE40_HX8K("ice40-hx8k", "synth_ice40 -top %s -json %s", "ice40-hx8k.pcf",
            "iCE40 HX8K CT256 (HX8K breakout board pins)", "hx8k", "ct256", 7680, 7680, 32, BramShapes.ICE40, 0.72, 12),
    XC7("xc7", "synth_xilinx -flatten -family xc7 -top %s\nwrite_json %s", "xc7.xdc",
            "Xilinx 7-series XC7A35T (Arty A7-35 pins)", null, null, 20800, 41600, 100, BramShapes.WIDE, 0.7, 100),
    ECP5("ecp5", "synth_ecp5 -top %s -json %s", "ecp5.lpf",
            "Lattice ECP5 LFE5U-85F CABGA381 (ULX3S pins)", null, null, 83640, 83640, 208, BramShapes.WIDE, 0.72, 25);

    /** The (depth, width) shapes of the block RAMs, in a class of their own: enum constants cannot read the enum's statics. */
    private static final class BramShapes {
        /** SB_RAM40_4K: 4 kbit as 256 x 16, 512 x 8, 1024 x 4 or 2048 x 2. */
        static final int[][] ICE40 = {{256, 16}, {512, 8}, {1024, 4}, {2048, 2}};
        /** RAMB18 (xc7) and DP16KD (ECP5): 18 kbit as 512 x 36 .. 16384 x 1. */
        static final int[][] WIDE = {{512, 36}, {1024, 18}, {2048, 9}, {4096, 4}, {8192, 2}, {16384, 1}};
    }

    private final String cliName;
    private final String yosysCommand;
    private final String constraintFile;
    private final String device;
    private final String nextpnrDevice;
    private final String nextpnrPackage;
    private final int lutCapacity;
    private final int ffCapacity;
    private final int bramCapacity;
    private final int[][] bramShapes;
    private final double lutScale;
    private final double boardClockMhz;

    Target(String cliName, String yosysCommand, String constraintFile, String device, String nextpnrDevice,
           String nextpnrPackage, int lutCapacity, int ffCapacity, int bramCapacity, int[][] bramShapes,
           double lutScale, double boardClockMhz) {
        this.cliName = cliName;
        this.yosysCommand = yosysCommand;
        this.constraintFile = constraintFile;
        this.device = device;
        this.nextpnrDevice = nextpnrDevice;
        this.nextpnrPackage = nextpnrPackage;
        this.lutCapacity = lutCapacity;
        this.ffCapacity = ffCapacity;
        this.bramCapacity = bramCapacity;
        this.bramShapes = bramShapes;
        this.lutScale = lutScale;
        this.boardClockMhz = boardClockMhz;
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

    /** Block RAMs of the part: SB_RAM40_4K (iCE40), RAMB18 (xc7), DP16KD (ECP5). */
    public int bramCapacity() {
        return bramCapacity;
    }

    /** The block RAMs a ROM of {@code depth} words of {@code width} bits needs, in its best shape. */
    public int bramsFor(int depth, int width) {
        int best = Integer.MAX_VALUE;
        for (int[] shape : bramShapes) {
            best = Math.min(best, ceil(depth, shape[0]) * ceil(width, shape[1]));
        }
        return best;
    }

    /** LUTs of this family per LUT4 of the planner's model, fitted to one measured MNIST plan per family (docs/benchmarks.md). */
    public double lutScale() {
        return lutScale;
    }

    /** The oscillator of the board the constraint file is for, in MHz (12 on the iCEBreaker, 100 on the Arty). */
    public double boardClockMhz() {
        return boardClockMhz;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
