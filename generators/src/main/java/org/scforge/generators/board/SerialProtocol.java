package org.scforge.generators.board;

import org.scforge.dsl.Network;
import org.scforge.dsl.Widths;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The framing protocol of a board top, byte by byte as docs/rtl.md ("Board top") states it: the request
 * a host sends, and the two replies the board gives. One implementation for the host command, the
 * simulated board's driver and the tests.
 *
 * @param codeBits   width of the network's {@code codes} port, {@code inputs * W}
 * @param classes    readout neurons
 * @param countBits  bits of one readout count, C
 * @param classBits  width of {@code class_out}
 */
public record SerialProtocol(int codeBits, int classes, int countBits, int classBits) {

    public static final int REQUEST_START = 0xA5;
    public static final int RESULT_START = 0x5A;
    public static final int ERROR_START = 0xEE;
    /** Bytes of an error reply: {@code ee} and the code. */
    public static final int ERROR_LENGTH = 2;

    /** The error codes of the error reply, with their numbers on the wire. */
    public enum ErrorCode {
        CHECKSUM(1, "the checksum byte differs from the sum of the code bytes"),
        SHORT_FRAME(2, "the line went quiet before the request was complete"),
        UNEXPECTED_BYTE(3, "a byte other than a5 where a request must start"),
        FRAMING(4, "a stop bit was 0"),
        CODE_RANGE(5, "a code bit past the codes port is 1");

        private final int wire;
        private final String meaning;

        ErrorCode(int wire, String meaning) {
            this.wire = wire;
            this.meaning = meaning;
        }

        public int wire() {
            return wire;
        }

        public String meaning() {
            return meaning;
        }

        public static Optional<ErrorCode> of(int wire) {
            return Arrays.stream(values()).filter(e -> e.wire == wire).findFirst();
        }
    }

    /** What the board answered. */
    public sealed interface Reply {
    }

    /**
     * A frame's result.
     *
     * @param classIndex  {@code class_out}
     * @param counts      the {@code counts} port (count j at bits {@code [j*C +: C]}, two's complement)
     * @param cycles      cycles from the start edge to the edge at which done rose
     */
    public record Result(int classIndex, BigInteger counts, long cycles) implements Reply {
    }

    /** The board refused the request. */
    public record Error(ErrorCode code) implements Reply {
    }

    public SerialProtocol {
        if (codeBits < 1 || classes < 1 || countBits < 1 || classBits < 1 || classBits > 8) {
            throw new IllegalArgumentException("code bits, classes, count bits must be positive and class bits 1..8");
        }
    }

    /** The protocol of a board top around {@code network}. */
    public static SerialProtocol of(Network network) {
        Widths widths = Widths.of(network);
        return new SerialProtocol(network.inputs() * network.inputCode().portBits(), network.classes(),
                widths.layer(network.layers().size() - 1).stateBits(), Widths.classBits(network.classes()));
    }

    /** K, the code bytes of a request. */
    public int codeBytes() {
        return (codeBits + 7) / 8;
    }

    /** R, the count bytes of a result. */
    public int countBytes() {
        return (classes * countBits + 7) / 8;
    }

    /** Bytes of a request: {@code a5}, K code bytes, the checksum. */
    public int requestLength() {
        return codeBytes() + 2;
    }

    /** Bytes of a result: {@code 5a}, class, R count bytes, 4 cycle bytes, the checksum. */
    public int resultLength() {
        return countBytes() + 7;
    }

    /** The request for a frame whose {@code codes} port value is {@code codes}. */
    public byte[] request(BigInteger codes) {
        if (codes.signum() < 0 || codes.bitLength() > codeBits) {
            throw new IllegalArgumentException("codes 0x" + codes.toString(16) + " do not fit the " + codeBits
                    + "-bit codes port");
        }
        byte[] out = new byte[requestLength()];
        out[0] = (byte) REQUEST_START;
        littleEndian(codes, out, 1, codeBytes());
        out[out.length - 1] = (byte) checksum(out, 1, codeBytes());
        return out;
    }

    /** The result reply the board sends for {@code result}: what a host must receive, byte for byte. */
    public byte[] reply(Result result) {
        byte[] out = new byte[resultLength()];
        out[0] = (byte) RESULT_START;
        out[1] = (byte) result.classIndex();
        littleEndian(result.counts(), out, 2, countBytes());
        littleEndian(BigInteger.valueOf(result.cycles()), out, 2 + countBytes(), 4);
        out[out.length - 1] = (byte) checksum(out, 1, out.length - 2);
        return out;
    }

    /** The error reply. */
    public static byte[] reply(ErrorCode code) {
        return new byte[] {(byte) ERROR_START, (byte) code.wire()};
    }

    /** Bytes of the reply that starts with {@code first}; an {@link IllegalArgumentException} for a byte no reply starts with. */
    public int replyLength(int first) {
        return switch (first & 0xff) {
            case RESULT_START -> resultLength();
            case ERROR_START -> ERROR_LENGTH;
            default -> throw new IllegalArgumentException(String.format(
                    "the board sent 0x%02x where a reply starts (0x5a or 0xee): is the baud right?", first & 0xff));
        };
    }

    /** The reply in {@code bytes} (exactly one reply); an {@link IllegalArgumentException} names what is wrong. */
    public Reply decode(byte[] bytes) {
        if (bytes.length == 0 || bytes.length != replyLength(bytes[0])) {
            throw new IllegalArgumentException("a reply of " + bytes.length + " bytes: " + hex(bytes));
        }
        if ((bytes[0] & 0xff) == ERROR_START) {
            return new Error(ErrorCode.of(bytes[1] & 0xff).orElseThrow(() -> new IllegalArgumentException(
                    "unknown error code " + (bytes[1] & 0xff) + " in " + hex(bytes))));
        }
        int sum = checksum(bytes, 1, bytes.length - 2);
        if ((bytes[bytes.length - 1] & 0xff) != sum) {
            throw new IllegalArgumentException(String.format("reply checksum 0x%02x, the bytes sum to 0x%02x: %s",
                    bytes[bytes.length - 1] & 0xff, sum, hex(bytes)));
        }
        BigInteger counts = fromLittleEndian(bytes, 2, countBytes());
        long cycles = fromLittleEndian(bytes, 2 + countBytes(), 4).longValueExact();
        return new Result(bytes[1] & 0xff, counts, cycles);
    }

    /** The sum of {@code count} bytes from {@code from}, modulo 256. */
    static int checksum(byte[] bytes, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += bytes[i] & 0xff;
        }
        return sum & 0xff;
    }

    private static void littleEndian(BigInteger value, byte[] out, int from, int count) {
        for (int i = 0; i < count; i++) {
            out[from + i] = (byte) value.shiftRight(8 * i).intValue();
        }
    }

    private static BigInteger fromLittleEndian(byte[] bytes, int from, int count) {
        BigInteger v = BigInteger.ZERO;
        for (int i = count - 1; i >= 0; i--) {
            v = v.shiftLeft(8).or(BigInteger.valueOf(bytes[from + i] & 0xff));
        }
        return v;
    }

    /** "a5 1e 1e". */
    public static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }
}
