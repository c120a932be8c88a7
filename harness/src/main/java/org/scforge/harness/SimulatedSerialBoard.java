package org.scforge.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The simulated board top behind a byte stream, so that a host program that talks to a serial port (a
 * pseudo-terminal) talks to the Verilator model of the board: the bytes the host writes are shifted into
 * {@code uart_rx} bit by bit ({@link SerialDriver}), and what the board sends on {@code uart_tx} is decoded
 * and written back. Simulated time runs only while bytes go in and while a reply may come: after the host's
 * bytes it listens for {@code listenCycles} (more than a frame and its reply's first byte take, fewer than
 * the board's quiet time, so a request that reaches it in pieces is not cut short).
 */
public final class SimulatedSerialBoard {

    private final SerialDriver uart;
    private final long listenCycles;

    public SimulatedSerialBoard(SerialDriver uart, long listenCycles) {
        this.uart = uart;
        this.listenCycles = listenCycles;
    }

    /** Serves the host until its stream ends (or fails: the pseudo-terminal went away). */
    public void serve(InputStream fromHost, OutputStream toHost) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = fromHost.read(buffer)) > 0) {
                uart.send(Arrays.copyOf(buffer, n));
                OptionalInt sent;
                while ((sent = uart.receive(listenCycles)).isPresent()) {
                    toHost.write(sent.getAsInt());
                    toHost.flush();
                }
            }
        } catch (IOException e) {
            // the host side closed: nothing left to serve
        }
    }
}
