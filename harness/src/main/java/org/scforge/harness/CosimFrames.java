package org.scforge.harness;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;

import java.util.SplittableRandom;

/**
 * The frames a co-simulation runs: the model's stored test frames first, then, if more are asked for
 * (or the model has none), seeded random codes; {@link #origin()} says which, for the report.
 */
public record CosimFrames(int[][] codes, String origin) {

    public static final long DEFAULT_SEED = 1;

    public static CosimFrames of(ModelDocument document, int count, long seed) {
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
        return new CosimFrames(codes, origin);
    }

    /** Codes drawn uniformly over the input code's range. */
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
}
