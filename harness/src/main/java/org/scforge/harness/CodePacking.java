package org.scforge.harness;

import org.scforge.dsl.Code;

import java.math.BigInteger;

/** Packs input codes into the {@code codes} port: input i at bits [i*W +: W], sign-magnitude sign on top. */
public final class CodePacking {

    private CodePacking() {
    }

    public static BigInteger pack(int[] codes, Code code) {
        int w = code.portBits();
        BigInteger packed = BigInteger.ZERO;
        for (int i = codes.length - 1; i >= 0; i--) {
            int c = codes[i];
            if (!code.accepts(c)) {
                throw new IllegalArgumentException("input " + i + ": code " + c + " is outside " + code.shortName());
            }
            long field = code.signed() && c < 0 ? (1L << code.magnitudeBits()) | -c : c;
            packed = packed.shiftLeft(w).or(BigInteger.valueOf(field));
        }
        return packed;
    }

    /** Unpacks {@code n} two's-complement counts of {@code bits} bits each. */
    public static int[] signedCounts(BigInteger packed, int n, int bits) {
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = Math.toIntExact(Values.signedField(packed, j, bits));
        }
        return out;
    }
}
