package org.scforge.generators;

/** One port of the generated top module: its name, direction and width in bits. */
public record Port(String name, Direction direction, int width) {

    /** Which way a port points, seen from the module. */
    public enum Direction {
        INPUT, OUTPUT;

        /** The Verilog keyword: {@code input} or {@code output}. */
        public String keyword() {
            return this == INPUT ? "input" : "output";
        }
    }

    public Port {
        if (width < 1) {
            throw new IllegalArgumentException("port " + name + ": width " + width + " must be >= 1");
        }
    }

    public static Port in(String name, int width) {
        return new Port(name, Direction.INPUT, width);
    }

    public static Port out(String name, int width) {
        return new Port(name, Direction.OUTPUT, width);
    }

    public boolean isInput() {
        return direction == Direction.INPUT;
    }
}
