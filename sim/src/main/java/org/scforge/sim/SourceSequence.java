package org.scforge.sim;

import org.scforge.dsl.LfsrTaps;
import org.scforge.dsl.SobolDirections;
import org.scforge.dsl.Source;

/** The numbers a {@link Source} yields at steps 0, 1, 2, ... of a frame (docs/semantics.md, "Number sources"). */
public final class SourceSequence {

    private SourceSequence() {
    }

    /** The source's full-width number at each step {@code 0 .. length-1}. */
    public static long[] values(Source source, int length) {
        long[] out = new long[length];
        if (source instanceof Source.Lfsr l) {
            long state = l.seed();
            for (int t = 0; t < length; t++) {
                out[t] = state;
                state = LfsrTaps.step(state, l.width(), l.taps());
            }
        } else if (source instanceof Source.VanDerCorput d) {
            long mask = (1L << d.width()) - 1;
            for (int t = 0; t < length; t++) {
                out[t] = Long.reverse(t & mask) >>> (64 - d.width());
            }
        } else if (source instanceof Source.Sobol s) {
            long[] v = SobolDirections.directions(s.dimension(), s.width());
            long mask = (1L << s.width()) - 1;
            for (int t = 0; t < length; t++) {
                // Gray-code order, periodic in 2^width: XOR of the directions at the set bits of gray(t).
                long step = t & mask;
                long gray = step ^ (step >>> 1);
                long x = 0;
                for (int i = 0; i < s.width(); i++) {
                    if (((gray >>> i) & 1) != 0) {
                        x ^= v[i];
                    }
                }
                out[t] = x;
            }
        } else {
            throw new IllegalArgumentException("unknown source " + source);
        }
        return out;
    }

    /** The top {@code bits} bits of each number: what an SNG with a {@code bits}-bit code compares against. */
    public static int[] top(long[] values, int sourceWidth, int bits) {
        int[] out = new int[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = (int) (values[t] >>> (sourceWidth - bits));
        }
        return out;
    }
}
