package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.Tool;
import org.scforge.generators.Tools;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code scforge stdp} example's network in the learning RTL (docs/benchmarks.md, "The scforge stdp network in
 * the RTL"): its 784 raw-pixel inputs, its 100 learning neurons, rule, winner-take-all and homeostasis, folded with
 * the learning layer's weights in memory (docs/rtl.md, "Folded learning layers"; its 78,400 learning synapses fully
 * parallel exceed Verilator's memory here), learning 200 of its test digits in Verilator and in the golden model,
 * equal in every weight code (read back word by word) and threshold offset after every frame; and the same network,
 * its readout folded too, synthesized for the Arty A7-35 (docs/stdp.md, "In RTL"): it fits.
 */
class StdpExampleCosimTest {

    private static final int NEURONS = 100;
    /**
     * Five lanes, 157 synapses a cycle (C = 5 chunks of a neuron's 785): G = 20 * 5 = 100, r = 5, T = 105; measured
     * against 10:memory and 2x157:memory in docs/benchmarks.md (system property stdp.plan to try another).
     */
    private static final String PLAN = System.getProperty("stdp.plan", "features=5x157:memory");
    private static final int FRAMES = 200;
    private static final Path DIR = Path.of("target", "stdp-example-" + NEURONS);

    @BeforeAll
    static void trainTheExample() {
        ConsoleCapture stdp = ConsoleCapture.run("stdp", "--neurons", String.valueOf(NEURONS), "--frames", "2000",
                "--test", String.valueOf(FRAMES), "--out", DIR.toString(), "--force");
        assertThat(stdp.exitCode()).as(stdp.err()).isZero();
    }

    @Test
    void theExampleNetworkLearnsTwoHundredFramesInVerilatorAsInTheGoldenModel() throws Exception {
        ToolPolicy.require(Simulator.VERILATOR);
        ModelDocument model = ModelFile.load(DIR.resolve("model.json"));
        Network network = model.network();
        assertThat(network.inputs()).isEqualTo(784);
        assertThat(network.layers().get(0).learning().orElseThrow().homeostasis()).isPresent();
        int[][] frames = new int[FRAMES][];
        for (int n = 0; n < FRAMES; n++) {
            frames[n] = model.testFrames().orElseThrow().frame(n);
        }

        long start = System.nanoTime();
        Fold plan = Fold.parse(PLAN);
        CosimReport report = Cosim.of(network, DutSources.generate(network, false, plan)).simulator(Simulator.VERILATOR)
                .run(frames);
        System.out.printf(Locale.ROOT, "stdp example with %d neurons, --fold %s, in verilator: %s; build %.1f s, RTL %.1f"
                + " frames/s, golden model %.1f frames/s, %.1f s in all%n", NEURONS, plan, report.summary(),
                report.buildSeconds(), report.rtlFramesPerSecond(), report.goldenFramesPerSecond(),
                (System.nanoTime() - start) / 1e9);
        report.assertPassed();
        assertThat(report.weightsCompared()).isEqualTo((long) FRAMES * NEURONS * 784);
        assertThat(report.weightMismatches()).isZero();
        // the counts and class, the weights and the 100 offsets of every frame
        assertThat(report.valuesCompared()).isGreaterThanOrEqualTo((long) FRAMES * (NEURONS * 784 + NEURONS));
    }

    /**
     * docs/benchmarks.md, "The scforge stdp network in the RTL": with {@code features=1x16:memory,out=1:memory} the
     * learning network fits the XC7A35T by yosys (13,155 LUTs and 57 RAMB18s for the 8,000-digit model there) with
     * all its learning logic (the same plan frozen: 3,782 LUTs).
     */
    @Test
    void theExampleNetworkWithItsReadoutFoldedFitsTheArtyA7() throws Exception {
        Tools.require(Tool.YOSYS);
        Path out = Path.of("target", "stdp-example-synth");
        ConsoleCapture synth = ConsoleCapture.run("synth", "--model", DIR.resolve("model.json").toString(), "--target",
                "xc7", "--fold", "features=1x16:memory,out=1:memory", "--out", out.toString(), "--force");
        System.out.print(synth.out());
        assertThat(synth.exitCode()).as(synth.out() + synth.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("synth.json").toFile());
        assertThat(json.get("fits").asBoolean()).isTrue();
        assertThat(json.get("luts").asLong()).isBetween(9_000L, 20_800L);
        assertThat(json.get("brams").asLong()).isBetween(40L, 100L);
        assertThat(json.get("estimate").isNull()).isTrue();
    }
}
