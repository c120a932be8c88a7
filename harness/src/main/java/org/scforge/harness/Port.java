package org.scforge.harness;

/** One port of a generated top module: its name, width in bits and direction. */
public record Port(String name, int bits, boolean input) {

    public Port {
        if (bits < 1) {
            throw new IllegalArgumentException("port " + name + ": width " + bits + " must be >= 1");
        }
    }

    public static Port in(String name, int bits) {
        return new Port(name, bits, true);
    }

    public static Port out(String name, int bits) {
        return new Port(name, bits, false);
    }
}
