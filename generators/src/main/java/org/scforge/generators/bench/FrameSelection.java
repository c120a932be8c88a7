package org.scforge.generators.bench;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which frames the test benches and a co-simulation run, one rule for both (docs/rtl.md, "Frames"): the
 * model's stored test frames first, in order; when more are asked for than it holds (or it holds none),
 * the corner frames next ({@link #corners}: every input at its largest code, at its smallest, at zero,
 * and the two alternations of largest and smallest), which drive membranes and counts towards their
 * extremes and make ties likely; then seeded random codes, drawn by {@link #random}.
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
        List<int[]> corners = corners(network);
        int fromCorners = Math.min(corners.size(), count - fromModel);
        int fromRandom = count - fromModel - fromCorners;
        int[][] codes = new int[count][];
        for (int f = 0; f < fromModel; f++) {
            codes[f] = document.testFrames().orElseThrow().frame(f);
        }
        for (int f = 0; f < fromCorners; f++) {
            codes[fromModel + f] = corners.get(f);
        }
        int[][] random = random(network, fromRandom, seed);
        System.arraycopy(random, 0, codes, fromModel + fromCorners, random.length);
        List<String> parts = new ArrayList<>();
        if (fromModel > 0) {
            parts.add(fromModel == count ? count + " of the model's " + stored + " test frames"
                    : "the model's " + fromModel + " test frames");
        }
        if (fromCorners > 0) {
            parts.add(frames(fromCorners, "corner frame"));
        }
        if (fromRandom > 0) {
            parts.add(frames(fromRandom, "seeded random frame") + " (seed " + seed + ")");
        }
        String origin = parts.isEmpty() ? "no frames" : parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        if (stored == 0 && count > 0) {
            origin += "; the model has no test frames";
        }
        return new FrameSelection(codes, fromModel, origin);
    }

    private static String frames(int count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }

    /**
     * The corner frames of {@code network}'s input code, in this order, each once (a frame equal to an earlier
     * one is left out): every input at the largest code; at the smallest; at zero; the largest on even inputs
     * and the smallest on odd ones; the reverse.
     */
    public static List<int[]> corners(Network network) {
        int min = network.inputCode().minValue();
        int max = network.inputCode().maxMagnitude();
        int inputs = network.inputs();
        List<int[]> frames = new ArrayList<>();
        int[][] candidates = new int[5][inputs];
        for (int i = 0; i < inputs; i++) {
            candidates[0][i] = max;
            candidates[1][i] = min;
            candidates[2][i] = 0;
            candidates[3][i] = i % 2 == 0 ? max : min;
            candidates[4][i] = i % 2 == 0 ? min : max;
        }
        for (int[] candidate : candidates) {
            if (frames.stream().noneMatch(f -> Arrays.equals(f, candidate))) {
                frames.add(candidate);
            }
        }
        return frames;
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
