package org.scforge.generators;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Code;
import org.scforge.dsl.Source;
import org.scforge.dsl.Synapse;
import org.scforge.dsl.TestFrames;
import org.scforge.dsl.WeightPlan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network {@code example} of docs/semantics.md section 9, with its worked frame as the first test frame,
 * and the xnor network {@code bipolar} of section 10.
 */
public final class ExampleNetwork {

    private ExampleNetwork() {
    }

    /** The network {@code example}. */
    public static Network network() {
        List<Source> sources = List.of(
                new Source.VanDerCorput("src_in", 3),
                new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1),
                new Source.Sobol("src_out", 3, 2));
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{5, -3}, {7, 2}}), List.of(0, -1),
                new WeightPlan("src_hidden", List.of(0, 3), List.of(0, 6, 1)));
        DenseLayer out = new DenseLayer("out", 2, Neuron.counter(),
                IntMatrix.of(new int[][] {{4, -7}, {-2, 6}}), List.of(1, 0),
                new WeightPlan("src_out", List.of(0, 1), List.of(2, 0, 4)));
        return new Network("example", 2, Code.unsigned(3), 3, 8, sources, new InputPlan("src_in", List.of(0, 5)),
                List.of(hidden, out));
    }

    /** Section 10: the sources of section 9, sm2 inputs, 2-bit weights, both layers xnor. */
    static Network bipolar() {
        Network example = network();
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{3, -1}, {1, -3}}), List.of(1, 2),
                new WeightPlan("src_hidden", List.of(0, 1), List.of(0, 3, 2)), Synapse.XNOR);
        DenseLayer out = new DenseLayer("out", 2, Neuron.counter(),
                IntMatrix.of(new int[][] {{2, -3}, {-1, 1}}), List.of(3, 0),
                new WeightPlan("src_out", List.of(0, 2), List.of(1, 0, 3)), Synapse.XNOR);
        return new Network("bipolar", 2, Code.signMagnitude(2), 2, 8, example.sources(),
                new InputPlan("src_in", List.of(0, 2)), List.of(hidden, out));
    }

    /** The worked frame [3, -2] (class 0) and a few more with both signs. */
    static ModelDocument bipolarDocument() {
        TestFrames frames = new TestFrames(
                List.of(List.of(3, -2), List.of(0, 0), List.of(-3, 3), List.of(-1, -3), List.of(2, 1)),
                List.of(0, -1, -1, -1, -1));
        return new ModelDocument(bipolar(), Optional.of(frames), Map.of());
    }

    /** The worked frame [6, 3] and a few more, so the test bench checks more than one class. */
    public static ModelDocument document() {
        TestFrames frames = new TestFrames(
                List.of(List.of(6, 3), List.of(0, 0), List.of(7, 7), List.of(3, 6), List.of(7, 0), List.of(1, 5)),
                List.of(1, -1, -1, -1, -1, -1));
        return new ModelDocument(network(), Optional.of(frames), Map.of());
    }
}
