package org.scforge.generators.bench;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;

import java.util.SplittableRandom;

/**
 * Which frames the test benches and a co-simulation run, one rule for both (docs/rtl.md, "Frames"): the
 * model's stored test frames first, in order; when more are asked for than it holds (or it holds none),
 * seeded random codes after them, drawn by {@link #random}.
 *
 * @param codes     the frames' input codes, one row per frame
 * @param fromModel how many of them are the model's test frames (the first ones)
 * @param origin    what they are, for reports: "20 of the model's 500 test frames", ...
 */
public record FrameSelection(int[][] codes, int fromModel, String origin) {

    /** The seed of the random codes unless a command's {@code --seed} says otherwise. */
    public static final long DEFAULT_SEED = 1;

    public static FrameSelection of(ModelDocument document, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("frames " + count + " must be >= 0");
        }
        Network network = document.network();
        int stored = document.testFrames().map(TestFrames::size).orElse(0);
        int fromModel = Math.min(stored, count);
        int[][] codes = new int[count][];
        for (int f = 0; f < fromModel; f++) {
            codes[f] = document.testFrames().orElseThrow().frame(f);
        }
        int[][] random = random(network, count - fromModel, seed);
        System.arraycopy(random, 0, codes, fromModel, random.length);
        String origin;
        if (fromModel == count) {
            origin = count + " of the model's " + stored + " test frames";
        } else if (fromModel == 0) {
            origin = count + " seeded random frames (seed " + seed + "; the model has no test frames)";
        } else {
            origin = "the model's " + fromModel + " test frames and " + (count - fromModel)
                    + " seeded random frames (seed " + seed + ")";
        }
        return new FrameSelection(codes, fromModel, origin);
    }

    /**
     * {@code count} frames of codes drawn uniformly over the input code's range, extremes included:
     * {@code new java.util.SplittableRandom(seed)}, then {@code nextInt(min, max + 1)} for every input of
     * every frame in order, {@code min .. max} the code's range ({@code -(2^k - 1) .. 2^k - 1} for sm codes
     * of {@code k} magnitude bits, {@code 0 .. 2^k - 1} for unsigned ones).
     */
    public static int[][] random(Network network, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int min = network.inputCode().minValue();
        int max = network.inputCode().maxMagnitude();
        int[][] codes = new int[count][network.inputs()];
        for (int[] frame : codes) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = random.nextInt(min, max + 1);
            }
        }
        return codes;
    }

    public int frames() {
        return codes.length;
    }
}
