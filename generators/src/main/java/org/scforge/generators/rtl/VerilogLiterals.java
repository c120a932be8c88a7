package org.scforge.generators.rtl;

import java.util.List;

/** Sized Verilog literals, so that no generated constant depends on a tool's default width. */
final class VerilogLiterals {

    private VerilogLiterals() {
    }

    /** {@code 8'd45}. */
    static String unsigned(int bits, long value) {
        if (value < 0 || (bits < 63 && value >= (1L << bits))) {
            throw new IllegalArgumentException(value + " does not fit " + bits + " unsigned bits");
        }
        return bits + "'d" + value;
    }

    /** {@code 6'sd5} or {@code -6'sd5}; the most negative value is written as its bit pattern. */
    static String signed(int bits, long value) {
        long limit = 1L << (bits - 1);
        if (value < -limit || value >= limit) {
            throw new IllegalArgumentException(value + " does not fit " + bits + " signed bits");
        }
        if (value == -limit) {
            return bits + "'sb1" + "0".repeat(bits - 1);
        }
        return (value < 0 ? "-" : "") + bits + "'sd" + Math.abs(value);
    }

    /** {@code 3'b110}: bit i of the literal is {@code bits.get(i)}, so the list reads right to left. */
    static String bitVector(List<Boolean> bits) {
        StringBuilder sb = new StringBuilder().append(bits.size()).append("'b");
        for (int i = bits.size() - 1; i >= 0; i--) {
            sb.append(bits.get(i) ? '1' : '0');
        }
        return sb.toString();
    }

    /** {@code {3'd1, 3'd6, 3'd0}}: element i at bits {@code [i*bits +: bits]}, so it is written last-first. */
    static String packed(int bits, List<Long> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = values.size() - 1; i >= 0; i--) {
            sb.append(unsigned(bits, values.get(i)));
            if (i > 0) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }
}
