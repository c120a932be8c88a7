package org.scforge.dsl;

import java.util.List;

/**
 * Taps of maximal-length LFSRs, widths 2 to 32, as 1-based bit positions with the width itself first.
 *
 * <p>Source: P. Alfke, "Efficient Shift Registers, LFSR Counters, and Long Pseudo-Random Sequence
 * Generators", Xilinx application note XAPP052 (1996), table 3. A polynomial and its reciprocal are
 * both primitive, so the taps give period {@code 2^n - 1} for the XOR Fibonacci form used here; the
 * test {@code LfsrTapsProperties} checks that period by running each register up to width 20.
 */
public final class LfsrTaps {

    private static final List<List<Integer>> TABLE = List.of(
            List.of(),                 // 0
            List.of(),                 // 1
            List.of(2, 1),
            List.of(3, 2),
            List.of(4, 3),
            List.of(5, 3),
            List.of(6, 5),
            List.of(7, 6),
            List.of(8, 6, 5, 4),
            List.of(9, 5),
            List.of(10, 7),
            List.of(11, 9),
            List.of(12, 6, 4, 1),
            List.of(13, 4, 3, 1),
            List.of(14, 5, 3, 1),
            List.of(15, 14),
            List.of(16, 15, 13, 4),
            List.of(17, 14),
            List.of(18, 11),
            List.of(19, 6, 2, 1),
            List.of(20, 17),
            List.of(21, 19),
            List.of(22, 21),
            List.of(23, 18),
            List.of(24, 23, 22, 17),
            List.of(25, 22),
            List.of(26, 6, 2, 1),
            List.of(27, 5, 2, 1),
            List.of(28, 25),
            List.of(29, 27),
            List.of(30, 6, 4, 1),
            List.of(31, 28),
            List.of(32, 22, 2, 1));

    public static final int MIN_WIDTH = 2;
    public static final int MAX_WIDTH = 32;

    private LfsrTaps() {
    }

    /** The maximal-length taps for {@code width} (2..32). */
    public static List<Integer> maximal(int width) {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("LFSR width " + width + " has no tabulated taps; use "
                    + MIN_WIDTH + " to " + MAX_WIDTH);
        }
        return TABLE.get(width);
    }

    /** One step of the Fibonacci LFSR: shift left, feedback (XOR of the tapped bits) into bit 0. */
    public static long step(long state, int width, List<Integer> taps) {
        long feedback = 0;
        for (int tap : taps) {
            feedback ^= (state >>> (tap - 1)) & 1L;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return ((state << 1) | feedback) & mask;
    }
}
