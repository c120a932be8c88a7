package org.scforge.generators.bench;

import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

import java.math.BigInteger;

/**
 * Frames for the test benches, with what the golden model says about them: the input codes, the
 * readout counts and the class. The frames are {@link FrameSelection}'s, the co-simulation's rule: the
 * model's test frames, then corner frames and seeded random codes, so the same model always gives the same vectors.
 *
 * <p>The vector file ({@code vectors.hex}, read with {@code $readmemh}) has one line per frame: the hex
 * value of {@code {class, counts, codes}} packed exactly as on the top module's ports (class in the top
 * {@code classBits}, then {@code classes*countBits} of counts, then {@code inputs*codeBits} of codes).
 */
public record TestVectors(int[][] codes, int[][] counts, int[] classes, String origin) {

    /** The frames {@link FrameSelection#of} picks with the default seed, and what the golden model says of them. */
    public static TestVectors of(ModelDocument document, int frames) {
        FrameSelection selection = FrameSelection.of(document, frames, FrameSelection.DEFAULT_SEED);
        int[][] codes = selection.codes();
        FrameCounts[] results = GoldenModel.of(document.network()).runAll(codes);
        int[][] counts = new int[codes.length][];
        int[] classes = new int[codes.length];
        for (int f = 0; f < codes.length; f++) {
            counts[f] = results[f].readout();
            classes[f] = results[f].predictedClass();
        }
        return new TestVectors(codes, counts, classes, selection.origin());
    }

    public int frames() {
        return codes.length;
    }

    /** The contents of {@code vectors.hex}. */
    public String hexFile(Network network, int countBits, int classBits) {
        Code code = network.inputCode();
        int codeBits = code.portBits();
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(frames()).append(" frames of network '").append(network.name()).append("': ")
                .append(origin).append(", expected values from the golden model\n");
        sb.append("// one line per frame: {class_out[").append(classBits).append("], counts[")
                .append(network.classes()).append(" x ").append(countBits).append("], codes[")
                .append(network.inputs()).append(" x ").append(codeBits).append("]}\n");
        for (int f = 0; f < frames(); f++) {
            BigInteger word = BigInteger.valueOf(classes[f]);
            for (int j = counts[f].length - 1; j >= 0; j--) {
                word = word.shiftLeft(countBits).or(twosComplement(counts[f][j], countBits));
            }
            for (int i = codes[f].length - 1; i >= 0; i--) {
                word = word.shiftLeft(codeBits).or(BigInteger.valueOf(portCode(code, codes[f][i])));
            }
            sb.append(word.toString(16)).append('\n');
        }
        return sb.toString();
    }

    /** A code as it is on the {@code codes} port: sign (1 = negative) above the magnitude for sm codes. */
    public static long portCode(Code code, int value) {
        long magnitude = Math.abs(value);
        return value < 0 ? magnitude | (1L << code.magnitudeBits()) : magnitude;
    }

    private static BigInteger twosComplement(long value, int bits) {
        return BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    /** Number of values a test bench compares: every count and the class of every frame. */
    public long comparedValues() {
        return (long) frames() * (counts.length == 0 ? 0 : counts[0].length + 1);
    }
}
