package org.scforge.harness;

import org.scforge.generators.Port;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A running design under test in one simulator, in the manner of cocotb's {@code dut}: poke inputs,
 * step the clock, peek outputs and {@code expect} values. Failures name the cycle, the signal and both
 * values in hex and binary. Closing it stops the simulator (and finishes the waveform, if any).
 */
public interface Dut extends AutoCloseable {

    Simulator simulator();

    DutPorts ports();

    void poke(String port, BigInteger value);

    default void poke(String port, long value) {
        poke(port, BigInteger.valueOf(value));
    }

    BigInteger peek(String port);

    /** {@code cycles} rising clock edges. */
    void step(int cycles);

    /**
     * Clocks until {@code port} holds {@code value} after an edge, at most {@code maxEdges} edges: the edges it
     * took, or -1 when the port never held the value.
     */
    long until(String port, BigInteger value, long maxEdges);

    /** Rising clock edges since the simulator started. */
    long cycle();

    /**
     * One frame through the bridge in a single round trip: the codes are latched at a start edge (edge 0),
     * then the clock runs until {@code done} or {@code maxEdges} edges.
     */
    FrameResult frame(BigInteger codes, int maxEdges, boolean trace);

    /**
     * Reads {@code words} words of a folded learning layer's readback (docs/rtl.md, "Folded learning layers"): for
     * each address {@code k}, {@code addressPort} = k, one edge, then {@code wordsPort}. Only while no frame runs.
     */
    default List<BigInteger> readBack(String addressPort, String wordsPort, int words) {
        List<BigInteger> read = new ArrayList<>(words);
        for (int k = 0; k < words; k++) {
            poke(addressPort, k);
            step(1);
            read.add(peek(wordsPort));
        }
        return read;
    }

    /** Fails with the cycle, the signal and both values (hex and binary) unless {@code port} holds {@code expected}. */
    default void expect(String port, long expected) {
        expect(port, BigInteger.valueOf(expected));
    }

    default void expect(String port, BigInteger expected) {
        BigInteger actual = peek(port);
        int bits = ports().port(port).map(Port::width).orElse(Math.max(1, expected.bitLength()));
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger want = expected.and(mask);
        if (!actual.equals(want)) {
            throw new AssertionError("cycle " + cycle() + ": " + port + " = " + Values.describe(actual, bits)
                    + ", expected " + Values.describe(want, bits));
        }
    }

    @Override
    void close();
}
