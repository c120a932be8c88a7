package org.scforge.dsl;

import java.util.List;

/**
 * The networks of the conv worked examples, docs/semantics.md sections 11.4 and 11.5 (and docs/rtl.md, "Conv and
 * pool layers"), in the dsl test jar so that the golden model's and the generator's tests pin the same ones.
 */
public final class ConvExamples {

    public static final Source SRC_IN = new Source.VanDerCorput("src_in", 2);
    public static final Source SRC_CONV = new Source.Lfsr("src_conv", 3, List.of(3, 2), 1);
    public static final Source SRC_OUT = new Source.Sobol("src_out", 2, 2);
    /** The 3 x 3 image, row by row. */
    public static final int[] CODES = {3, 0, 1, 2, 3, 0, 1, 1, 2};

    private ConvExamples() {
    }

    /** Section 11.4: a 2 x 2 kernel of stride 2 and padding 1 on a 3 x 3 image, then 2 counters. */
    public static Network example() {
        DenseLayer kernel = new DenseLayer("conv", 1, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{1, -1, 2, 3}}), List.of(0),
                new WeightPlan("src_conv", List.of(0), List.of(0, 1, 2, 3, 1)));
        ConvLayer conv = new ConvLayer(kernel, new ImageShape(3, 3, 1), 2, 2, 2, 1);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{2, -1, 1, 3}, {-3, 2, 0, 1}}), List.of(0, 1),
                new WeightPlan("src_out", List.of(0, 2), List.of(1, 0, 3, 2, 0)));
        return new Network("convexample", 9, Code.unsigned(2), 2, 4, List.of(SRC_IN, SRC_CONV, SRC_OUT),
                new InputPlan("src_in", List.of(0, 1, 2, 3, 0, 1, 2, 3, 0)), List.of(conv), List.of(out));
    }

    /**
     * Section 11.5: the same conv layer, then a 2 x 2 OR pool of stride 2 (its one output spikes when any
     * conv neuron does: at step 2 only), then a counter on that one spike.
     */
    public static Network pooled() {
        Network conv = example();
        PoolLayer pool = new PoolLayer("pool", new ImageShape(2, 2, 1), 2, 2);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(), IntMatrix.of(new int[][] {{3}, {-2}}),
                List.of(0, 0), new WeightPlan("src_out", List.of(0, 1), List.of(0, 0)));
        return new Network("poolexample", 9, Code.unsigned(2), 2, 4, conv.sources(), conv.inputPlan(),
                List.of(conv.imageLayers().get(0), pool), List.of(out));
    }
}
