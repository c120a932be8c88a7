package org.scforge.tests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Mismatch;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;
import org.scforge.sim.GoldenModel;
import org.scforge.tests.designs.TestNetworks;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison can fail: RTL generated with every threshold one higher is caught, naming the first difference. */
class BrokenRtlIsCaughtTest {

    @ParameterizedTest
    @EnumSource(Simulator.class)
    void aDesignWithRaisedThresholdsDiffersFromTheGoldenModel(Simulator simulator) {
        ToolPolicy.require(simulator);
        Network golden = TestNetworks.tinyMlp();
        Network broken = withThresholdsRaised(golden);
        int[][] frames = FrameSelection.random(golden, 4, 3);
        // the change is visible in the golden model's own trace, so the RTL must show it too
        assertThat(GoldenModel.of(broken).trace(frames[0]).layers().get(0).state())
                .isNotEqualTo(GoldenModel.of(golden).trace(frames[0]).layers().get(0).state());
        CosimReport report = Cosim.of(golden, DutSources.generate(broken, true)).simulator(simulator).trace(true)
                .run(frames);

        assertThat(report.mismatches()).isPositive();
        Mismatch first = report.firstMismatch().orElseThrow();
        // the first differing value is a hidden neuron's membrane or spike, named with frame, cycle and neuron
        assertThat(first.layer()).isEqualTo("hidden");
        assertThat(first.signal()).isIn("hidden_spikes", "hidden_membrane");
        assertThat(first.neuron()).isBetween(0, golden.layers().get(0).neurons() - 1);
        assertThat(first.edge()).isGreaterThanOrEqualTo(1);
        assertThat(first.rtl()).isNotEqualTo(first.golden());
        assertThatThrownBy(report::assertPassed).hasMessageContaining("first: frame " + first.frame() + ", cycle "
                + first.edge());
    }

    /** The same network with every integrate-and-fire threshold one higher: a deliberately wrong design. */
    private static Network withThresholdsRaised(Network n) {
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : n.layers()) {
            if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
                layers.add(layer.withNeuron(new NeuronModel.IntegrateAndFire(f.threshold() + 1, f.floor(), f.ceiling(),
                        f.leakShift())));
            } else {
                layers.add(layer);
            }
        }
        return n.withLayers(layers);
    }
}
