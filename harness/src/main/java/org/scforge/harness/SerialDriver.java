package org.scforge.harness;

import org.scforge.generators.board.SerialProtocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's serial port on the UART pins of a simulated board top (docs/rtl.md, "Board top"): shifts
 * bytes into {@code uart_rx} bit by bit (8N1, least significant bit first, {@code clocksPerBit} cycles a
 * bit) and decodes what the board sends on {@code uart_tx} by sampling the middle of each bit, as a real
 * UART does. It only pokes and peeks pins: it knows nothing of the design inside. Each byte is one round
 * trip to the bridge (the commands of a byte are pipelined).
 */
public final class SerialDriver {

    static final String RX = "uart_rx";
    static final String TX = "uart_tx";

    private final BridgeDut dut;
    private final int clocksPerBit;

    public SerialDriver(BridgeDut dut, int clocksPerBit) {
        if (clocksPerBit < 2) {
            throw new IllegalArgumentException("clocks per bit " + clocksPerBit + " must be at least 2");
        }
        this.dut = dut;
        this.clocksPerBit = clocksPerBit;
        dut.poke(RX, 1); // the line idles at 1
    }

    /**
     * Sends {@code bytes}, each a start bit, 8 data bits and a stop bit. After the last one's stop bit has
     * begun it returns at once: the line stays at 1 (stop bit, then idle), and the board may answer while
     * the stop bit is still on the line, so the caller starts listening right away.
     */
    public void send(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            List<String> commands = new ArrayList<>(22);
            int value = bytes[i] & 0xff;
            for (int bit = 0; bit < 9; bit++) {
                int level = bit == 0 ? 0 : (value >> (bit - 1)) & 1;
                commands.add("poke " + RX + " " + level);
                commands.add("step " + clocksPerBit);
            }
            commands.add("poke " + RX + " 1");
            if (i < bytes.length - 1) {
                commands.add("step " + clocksPerBit);
            }
            run(commands);
        }
    }

    /** Holds {@code uart_rx} at {@code level} for {@code cycles} cycles (noise, a glitch, a break), then back at 1. */
    public void drive(int level, int cycles) {
        run(List.of("poke " + RX + " " + level, "step " + cycles, "poke " + RX + " 1"));
    }

    /** Lets {@code cycles} cycles pass with the line idle. */
    public void idle(long cycles) {
        long left = cycles;
        while (left > 0) {
            int chunk = (int) Math.min(left, Integer.MAX_VALUE);
            dut.step(chunk);
            left -= chunk;
        }
    }

    /**
     * The next byte the board sends: waits up to {@code maxCycles} for a start bit, then samples each bit
     * in its middle. Empty when no byte started in time; an {@link IllegalStateException} for a start bit
     * that does not last to its middle or a stop bit of 0 (a broken transmitter).
     */
    public java.util.OptionalInt receive(long maxCycles) {
        if (dut.until(TX, BigInteger.ZERO, maxCycles) < 0) {
            return java.util.OptionalInt.empty();
        }
        List<String> commands = new ArrayList<>(20);
        commands.add("step " + clocksPerBit / 2);
        commands.add("peek " + TX);
        for (int bit = 1; bit <= 9; bit++) {
            commands.add("step " + clocksPerBit);
            commands.add("peek " + TX);
        }
        List<String> replies = run(commands);
        int[] levels = new int[10];
        for (int bit = 0; bit < 10; bit++) {
            levels[bit] = Integer.parseInt(replies.get(2 * bit + 1), 16);
        }
        if (levels[0] != 0) {
            throw new IllegalStateException("cycle " + cycle() + ": the start bit on uart_tx ended before its middle");
        }
        if (levels[9] != 1) {
            throw new IllegalStateException("cycle " + cycle() + ": the stop bit on uart_tx is 0 (framing error)");
        }
        int value = 0;
        for (int bit = 8; bit >= 1; bit--) {
            value = value << 1 | levels[bit];
        }
        return java.util.OptionalInt.of(value);
    }

    /**
     * The board's next reply, decoded: waits up to {@code maxCycles} for its first byte and reads as many as
     * that byte announces. An {@link IllegalStateException} when it does not come or breaks off.
     */
    public SerialProtocol.Reply reply(SerialProtocol protocol, long maxCycles) {
        byte[] bytes = replyBytes(protocol, maxCycles);
        return protocol.decode(bytes);
    }

    /** The bytes of the board's next reply (see {@link #reply}). */
    public byte[] replyBytes(SerialProtocol protocol, long maxCycles) {
        int first = receive(maxCycles).orElseThrow(() -> new IllegalStateException("no reply within " + maxCycles
                + " cycles (cycle " + cycle() + ")"));
        byte[] bytes = new byte[protocol.replyLength(first)];
        bytes[0] = (byte) first;
        for (int i = 1; i < bytes.length; i++) {
            // the transmitter sends the bytes back to back: the next start bit follows within a few cycles
            int next = i;
            bytes[i] = (byte) receive(4L * clocksPerBit).orElseThrow(() -> new IllegalStateException("the reply broke off after "
                    + next + " bytes (" + SerialProtocol.hex(java.util.Arrays.copyOf(bytes, next)) + ")"));
        }
        return bytes;
    }

    /** The simulator's own cycle count (the batched steps bypass the {@link Dut}'s count). */
    private String cycle() {
        return dut.command("cycle");
    }

    private List<String> run(List<String> commands) {
        List<String> replies = dut.batch(commands);
        for (int i = 0; i < commands.size(); i++) {
            if (!commands.get(i).startsWith("peek") && !replies.get(i).equals("ok")) {
                throw new IllegalStateException("the bridge answered '" + replies.get(i) + "' to " + commands.get(i));
            }
        }
        return replies;
    }
}
