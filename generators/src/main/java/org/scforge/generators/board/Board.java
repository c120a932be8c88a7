package org.scforge.generators.board;

import org.scforge.generators.synth.Target;

import java.util.Arrays;
import java.util.Optional;

/**
 * A board the network runs on behind its UART (docs/rtl.md, "Board top"): the FPGA target, the
 * oscillator the design is clocked from and the constraint file that puts the UART top's ports on the
 * board's pins.
 */
public enum Board {
    ICEBREAKER("icebreaker", "iCEBreaker v1.0 (iCE40 UP5K SG48)", Target.ICE40_UP5K, 12_000_000, "icebreaker-uart.pcf"),
    ARTY_A7("arty-a7", "Arty A7-35 (XC7A35T CSG324)", Target.XC7, 100_000_000, "arty-a7-uart.xdc");

    /** The baud rate when none is asked for. */
    public static final int DEFAULT_BAUD = 115_200;

    private final String cliName;
    private final String description;
    private final Target target;
    private final int clockHz;
    private final String constraintFile;

    Board(String cliName, String description, Target target, int clockHz, String constraintFile) {
        this.cliName = cliName;
        this.description = description;
        this.target = target;
        this.clockHz = clockHz;
        this.constraintFile = constraintFile;
    }

    /** "icebreaker", as typed after {@code --board}. */
    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public Target target() {
        return target;
    }

    /** The board oscillator, which clocks the whole design. */
    public int clockHz() {
        return clockHz;
    }

    /** The constraint file in {@code constraints/} for the UART top. */
    public String constraintFile() {
        return constraintFile;
    }

    public static Optional<Board> byName(String name) {
        return Arrays.stream(values()).filter(b -> b.cliName.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Board::cliName).toList());
    }

    /** The serial link at {@code baud} on this board; refuses a baud the clock cannot make (see {@link SerialLink}). */
    public SerialLink link(int baud) {
        return SerialLink.of(this, baud);
    }
}
