package org.scforge.dsl;

/**
 * How a number is carried as a digital code before it becomes a bitstream: a {@code magnitudeBits}-bit
 * magnitude, optionally with a sign bit (sign-magnitude). A magnitude {@code m} becomes a bitstream of
 * probability {@code m / 2^magnitudeBits}.
 */
public record Code(boolean signed, int magnitudeBits) {

    public static final int MAX_BITS = 16;

    public Code {
        if (magnitudeBits < 1 || magnitudeBits > MAX_BITS) {
            throw new IllegalArgumentException(
                    "code width " + magnitudeBits + " must be between 1 and " + MAX_BITS + " bits");
        }
    }

    /** Codes 0 .. 2^bits - 1. */
    public static Code unsigned(int bits) {
        return new Code(false, bits);
    }

    /** A sign bit and a {@code bits}-bit magnitude: codes -(2^bits - 1) .. 2^bits - 1. */
    public static Code signMagnitude(int bits) {
        return new Code(true, bits);
    }

    /** The largest magnitude a code can carry. */
    public int maxMagnitude() {
        return (1 << magnitudeBits) - 1;
    }

    /** The smallest code value: 0 for unsigned codes, {@code -maxMagnitude()} for signed ones. */
    public int minValue() {
        return signed ? -maxMagnitude() : 0;
    }

    /** Bits on a port: the magnitude plus the sign bit where there is one. */
    public int portBits() {
        return magnitudeBits + (signed ? 1 : 0);
    }

    public boolean accepts(int value) {
        return value >= minValue() && value <= maxMagnitude();
    }

    /** "u8" or "sm8": the short form used in the model file and in summaries. */
    public String shortName() {
        return (signed ? "sm" : "u") + magnitudeBits;
    }
}
