package org.scforge.generators;

import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Stdp;
import org.scforge.dsl.WeightPlan;

import java.util.List;

/** The network {@code stdpexample} of docs/semantics.md section 12.6, the worked example of docs/rtl.md "Learning layers". */
public final class StdpExampleNetwork {

    /** Its rule: window 2, kp = 2, pPlus 3, pMinus 1, step 1, bounds -3 .. 3, winner-take-all. */
    public static final Stdp RULE = Stdp.stochastic("src_learn", 2, 2, 3, 1, 1, -3, 3).withWta(true);
    /** The codes of the example's two frames. */
    public static final int[] FIRST = {3, 1};
    public static final int[] SECOND = {1, 3};

    private StdpExampleNetwork() {
    }

    public static Network network() {
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{1, 2}, {2, -1}}), List.of(0, 0),
                new WeightPlan("src_hidden", List.of(0, 1), List.of(0, 1, 2))).withLearning(RULE);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{2, -1}, {-1, 2}}), List.of(0, 0),
                new WeightPlan("src_out", List.of(0, 1), List.of(0, 1, 2)));
        return new Network("stdpexample", 2, Code.unsigned(2), 2, 4,
                List.of(new Source.VanDerCorput("src_in", 2), new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1),
                        new Source.Sobol("src_learn", 2, 2), new Source.Sobol("src_out", 2, 3)),
                new InputPlan("src_in", List.of(1, 0)), List.of(hidden, out));
    }
}
