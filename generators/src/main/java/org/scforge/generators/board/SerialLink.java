package org.scforge.generators.board;

import java.util.ArrayList;
import java.util.List;

/**
 * The UART of a board top: 8N1 at {@code baud} from the board clock, {@code CLOCKS_PER_BIT = round(clock /
 * baud)} (docs/rtl.md, "Serial line").
 *
 * @param board          the board, whose clock divides down to the baud
 * @param baud           bits per second the host uses
 * @param clocksPerBit   board clock cycles per bit
 */
public record SerialLink(Board board, int baud, int clocksPerBit) {

    /** The most a bit may be off, as a fraction: over 10 bits of a byte, half a bit of slack is 5 %. */
    public static final double MAX_RATE_ERROR = 0.02;
    /** The fewest clocks per bit the receiver's mid-bit sampling works with. */
    public static final int MIN_CLOCKS_PER_BIT = 8;
    /** The rates a host serial port usually offers, for the suggestion in the error message. */
    static final int[] COMMON_BAUDS = {9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 921_600,
        1_000_000, 1_500_000, 2_000_000, 3_000_000};
    /** The line must be quiet this many byte times (10 bits each) to end a broken request. */
    public static final int QUIET_BYTE_TIMES = 128;

    public SerialLink {
        if (clocksPerBit != Math.round((double) board.clockHz() / baud)) {
            throw new IllegalArgumentException("clocks per bit " + clocksPerBit + " is not round(clock / baud)");
        }
    }

    /** The link at {@code baud}, or an {@link IllegalArgumentException} that names the rates that work. */
    public static SerialLink of(Board board, int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud " + baud + " must be positive");
        }
        if (!works(board, baud)) {
            throw new IllegalArgumentException(String.format(
                    "baud %d does not work on the %s: %d MHz / %d gives %s; rates that work: %s", baud,
                    board.cliName(), board.clockHz() / 1_000_000, baud, problem(board, baud), workingRates(board)));
        }
        return new SerialLink(board, baud, clocks(board, baud));
    }

    private static int clocks(Board board, long baud) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round((double) board.clockHz() / baud));
    }

    /** The rate the board really sends at, {@code clock / CLOCKS_PER_BIT}, relative to {@code baud}, minus 1. */
    static double rateError(Board board, int baud) {
        int c = clocks(board, baud);
        return c == 0 ? Double.POSITIVE_INFINITY : Math.abs((double) board.clockHz() / c / baud - 1);
    }

    private static boolean works(Board board, int baud) {
        return clocks(board, baud) >= MIN_CLOCKS_PER_BIT && rateError(board, baud) <= MAX_RATE_ERROR;
    }

    private static String problem(Board board, int baud) {
        int c = clocks(board, baud);
        if (c < MIN_CLOCKS_PER_BIT) {
            return c + " clocks per bit (at least " + MIN_CLOCKS_PER_BIT + " needed)";
        }
        return String.format("%d clocks per bit, a rate %.1f %% off (at most %.0f %%)", c,
                100 * rateError(board, baud), 100 * MAX_RATE_ERROR);
    }

    static String workingRates(Board board) {
        List<String> ok = new ArrayList<>();
        for (int b : COMMON_BAUDS) {
            if (works(board, b)) {
                ok.add(Integer.toString(b));
            }
        }
        return String.join(", ", ok);
    }

    /** The actual bit rate, {@code clock / CLOCKS_PER_BIT}. */
    public double actualBaud() {
        return (double) board.clockHz() / clocksPerBit;
    }

    /** Cycles of quiet line that end a broken request or the drain after an error. */
    public long quietCycles() {
        return (long) QUIET_BYTE_TIMES * 10 * clocksPerBit;
    }
}
