package org.scforge.tests;

import org.scforge.dsl.Network;
import org.scforge.harness.Dut;
import org.scforge.harness.DutSources;
import org.scforge.harness.junit.DesignUnderTest;
import org.scforge.harness.junit.DutTest;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;
import org.scforge.tests.designs.TestNetworks;
import org.scforge.tests.drivers.TinyMlpDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated design, driven through its typed driver, in both simulators. */
class TinyMlpDriverTest {

    private static final Network NETWORK = TestNetworks.tinyMlp();
    private static final GoldenModel GOLDEN = GoldenModel.of(NETWORK);

    static DesignUnderTest tinyMlp() {
        return new DesignUnderTest(NETWORK, DutSources.generate(NETWORK, false));
    }

    @DutTest(design = "tinyMlp")
    void aFrameGivesTheGoldenCountsAndClass(Dut dut) {
        TinyMlpDriver mlp = new TinyMlpDriver(dut);
        mlp.reset();
        int[] codes = {9, -15, 4};
        FrameCounts golden = GOLDEN.run(codes);

        assertThat(mlp.runFrame(codes)).containsExactly(golden.readout());
        assertThat(mlp.predictedClass()).isEqualTo(golden.predictedClass());
    }

    @DutTest(design = "tinyMlp")
    void doneRisesExactlyAtLPlusDEdgesAfterStart(Dut dut) {
        TinyMlpDriver mlp = new TinyMlpDriver(dut);
        mlp.reset();
        int[] codes = {-3, 0, 15};
        mlp.setCodes(codes);
        mlp.start();
        dut.step(TinyMlpDriver.DONE_EDGE - 1);
        dut.expect("done", 0);
        dut.step(1);
        dut.expect("done", 1);
        assertThat(TinyMlpDriver.DONE_EDGE).isEqualTo(TinyMlpDriver.LENGTH + TinyMlpDriver.LAYERS);
        assertThat(mlp.counts()).containsExactly(GOLDEN.run(codes).readout());
        assertThat(TinyMlpDriver.HIDDEN_NEURONS).isEqualTo(4);
    }
}
