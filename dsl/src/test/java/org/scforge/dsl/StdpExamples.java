package org.scforge.dsl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The STDP worked example of docs/semantics.md section 12.7 (network {@code stdpexample}), shared by the tests
 * that pin it (validation, the model file, the golden model and the RTL).
 */
public final class StdpExamples {

    /** The example's rule: window 2, kp 2, pPlus 3, pMinus 1, step 1, codes -3..3, winner-take-all. */
    public static final Stdp RULE = Stdp.stochastic("src_learn", 2, 2, 3, 1, 1, -3, 3).withWta(true);

    /** The homeostasis of section 12.5's example: step 1, decayFrames 2, limit 3, no stored offsets. */
    public static final Stdp.Homeostasis HOMEOSTASIS = Stdp.Homeostasis.of(1, 2, 3);

    private StdpExamples() {
    }

    /** The example of section 12.5: {@link #example()} with {@link #HOMEOSTASIS} on the hidden layer's rule. */
    public static Network adaptive() {
        return example(h -> h.withLearning(RULE.withHomeostasis(HOMEOSTASIS)));
    }

    /** The example network. */
    public static Network example() {
        return example(UnaryOperator.identity());
    }

    /**
     * The example with its hidden layer changed by {@code hidden}: 2 {@code u2} inputs, the learning layer
     * {@code hidden} of 2 if neurons with {@link #RULE}, a readout of 2 counters; every source the rule names exists.
     */
    public static Network example(UnaryOperator<DenseLayer> hidden) {
        DenseLayer h = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{1, 2}, {2, -1}}), List.of(0, 0),
                new WeightPlan("src_hidden", List.of(0, 1), List.of(0, 1, 2))).withLearning(RULE);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{2, -1}, {-1, 2}}), List.of(0, 0),
                new WeightPlan("src_out", List.of(0, 1), List.of(0, 1, 2)));
        return new Network("stdpexample", 2, Code.unsigned(2), 2, 4,
                List.of(new Source.VanDerCorput("src_in", 2), new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1),
                        new Source.Sobol("src_learn", 2, 2), new Source.Sobol("src_out", 2, 3)),
                new InputPlan("src_in", List.of(1, 0)), List.of(hidden.apply(h), out));
    }
}
