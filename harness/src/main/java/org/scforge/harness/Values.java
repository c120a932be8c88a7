package org.scforge.harness;

import java.math.BigInteger;

/** Formatting and slicing of port values. */
public final class Values {

    private Values() {
    }

    /** "0x1f (0b11111)": a value in hex and in binary of the port's width. */
    public static String describe(BigInteger value, int bits) {
        String binary = value.toString(2);
        if (binary.length() < bits) {
            binary = "0".repeat(bits - binary.length()) + binary;
        }
        return "0x" + value.toString(16) + " (0b" + binary + ")";
    }

    /** Bits {@code [index*bits +: bits]} of a packed value as a two's-complement number. */
    public static long signedField(BigInteger packed, int index, int bits) {
        long raw = unsignedField(packed, index, bits);
        return bits < 64 && raw >= 1L << (bits - 1) ? raw - (1L << bits) : raw;
    }

    /** Bits {@code [index*bits +: bits]} of a packed value, unsigned. */
    public static long unsignedField(BigInteger packed, int index, int bits) {
        return packed.shiftRight(index * bits).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)).longValue();
    }

    /** Parses a simulator's hex output; an x or z digit is an error naming the port. */
    static BigInteger parseHex(String hex, String what) {
        try {
            return new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new SimulatorException(what + " is not a defined value: " + hex);
        }
    }
}
