package org.scforge.dsl;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a layer's synapses combine an input stream with a weight stream (docs/semantics.md, section 5).
 * {@link #AND}: unipolar streams, a synapse fires when both fire and counts +1 or -1 by the signs.
 * {@link #XNOR}: bipolar streams (probability p stands for 2p - 1), weights as offset codes
 * {@code w + 2^weightBits}, a synapse counts +1 when the streams agree and -1 when they differ.
 */
public enum Synapse {
    AND("and"),
    XNOR("xnor");

    private final String modelName;

    Synapse(String modelName) {
        this.modelName = modelName;
    }

    /** The name in the model file: {@code "and"} or {@code "xnor"}. */
    public String modelName() {
        return modelName;
    }

    public static Optional<Synapse> fromModelName(String name) {
        return Arrays.stream(values()).filter(s -> s.modelName.equals(name)).findFirst();
    }

    /**
     * Bits an SNG of this kind compares for a code of {@code magnitudeBits} magnitude bits: the
     * magnitude itself for AND, the one bit wider offset code {@code c + 2^magnitudeBits} for XNOR.
     */
    public int comparedBits(int magnitudeBits) {
        return this == XNOR ? magnitudeBits + 1 : magnitudeBits;
    }

    /**
     * What an SNG of this kind compares for the signed code {@code code} of {@code magnitudeBits}
     * magnitude bits: {@code |code|} for AND (the sign is carried apart), {@code code + 2^magnitudeBits}
     * for XNOR (the sign is in the stream).
     */
    public int comparedCode(int code, int magnitudeBits) {
        return this == XNOR ? code + (1 << magnitudeBits) : Math.abs(code);
    }
}
