package org.scforge.generators;

/** One port of the generated top module: its name, direction ("input" or "output") and width in bits. */
public record Port(String name, String direction, int width) {
}
