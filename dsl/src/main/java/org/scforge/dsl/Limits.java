package org.scforge.dsl;

import java.util.Optional;

/**
 * The sizes scforge accepts, in one place (the table in docs/errors.md, section "Limits"). They are far
 * above every network the hardware flow can build, and low enough that a hostile or mistaken input is
 * refused in milliseconds with a line naming the limit, instead of running out of memory or running
 * for minutes: the cost of every command grows with these sizes.
 */
public final class Limits {

    /** Dense layers of a network. */
    public static final int MAX_LAYERS = 64;
    /** Number sources of a network: one per layer and one for the inputs is the most a plan uses. */
    public static final int MAX_SOURCES = MAX_LAYERS + 1;
    /** Neurons of one layer. */
    public static final int MAX_NEURONS = 1 << 16;
    /** Input features of a frame. */
    public static final int MAX_INPUTS = 1 << 16;
    /** Pixels of a preprocessing's image: as many as inputs. */
    public static final int MAX_IMAGE_PIXELS = MAX_INPUTS;
    /** Synapses (weights and biases) of the whole network. */
    public static final long MAX_SYNAPSES = 1L << 22;
    /** L, the bitstream length: steps per frame. */
    public static final int MAX_LENGTH = 1 << 20;
    /** Characters of a network, layer or source name. */
    public static final int MAX_NAME = VerilogNames.MAX_LENGTH;
    /** Bytes of a model file. */
    public static final long MAX_MODEL_FILE_BYTES = 64L << 20;
    /** Frames of a run ({@code --frames}) and test frames in a model file. */
    public static final int MAX_FRAMES = 100_000;

    private Limits() {
    }

    /**
     * The problem with {@code value} for the limit {@code what} ({@code "--frames"}, {@code "hidden neurons"}),
     * which must be within {@code 1 .. max}; empty when it is.
     */
    public static Optional<String> range(String what, long value, long max) {
        if (value < 1 || value > max) {
            return Optional.of(what + " " + value + " must be between 1 and " + max + " (the limit of scforge; docs/errors.md)");
        }
        return Optional.empty();
    }
}
