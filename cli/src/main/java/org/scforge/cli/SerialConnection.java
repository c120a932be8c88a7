package org.scforge.cli;

import com.fazecast.jSerialComm.SerialPort;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A host serial port (jSerialComm) set to 8N1 at a baud: writes a request, reads a reply's bytes with a
 * deadline. A port that cannot be opened is a user error naming the ports this machine has.
 */
final class SerialConnection implements AutoCloseable {

    private final SerialPort port;
    private final String name;

    private SerialConnection(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    static SerialConnection open(String name, int baud) {
        if (name.contains("/") && !java.nio.file.Files.exists(java.nio.file.Path.of(name))) {
            throw new UserError("--port " + name + ": no such serial port; " + portsHere());
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (RuntimeException e) { // jSerialComm: SerialPortInvalidPortException for a name it cannot use
            throw new UserError("--port " + name + ": " + e.getMessage() + "; " + portsHere());
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new UserError("--port " + name + ": cannot open it (jSerialComm error " + port.getLastErrorCode()
                    + "; does it exist, and may you use it?); " + portsHere());
        }
        port.flushIOBuffers(); // bytes from before this run are no reply of ours
        return new SerialConnection(port, name);
    }

    private static String portsHere() {
        SerialPort[] ports = SerialPort.getCommPorts();
        return ports.length == 0 ? "this machine lists no serial ports"
                : "serial ports here: " + Arrays.stream(ports).map(p -> p.getSystemPortPath() + " ("
                + p.getDescriptivePortName() + ")").collect(Collectors.joining(", "));
    }

    String name() {
        return name;
    }

    void write(byte[] bytes) {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new UserError("writing to " + name + " failed after " + Math.max(0, written) + " of " + bytes.length
                    + " bytes (jSerialComm error " + port.getLastErrorCode() + ")");
        }
    }

    /** Up to {@code count} bytes, fewer when {@code timeoutMillis} pass first. */
    byte[] read(int count, long timeoutMillis) {
        byte[] bytes = new byte[count];
        int have = 0;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (have < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, (int) Math.min(left, Integer.MAX_VALUE), 0);
            int n = port.readBytes(bytes, count - have, have);
            if (n < 0) {
                throw new UserError("reading from " + name + " failed (jSerialComm error " + port.getLastErrorCode() + ")");
            }
            have += n;
        }
        return Arrays.copyOf(bytes, have);
    }

    @Override
    public void close() {
        port.closePort();
    }
}
