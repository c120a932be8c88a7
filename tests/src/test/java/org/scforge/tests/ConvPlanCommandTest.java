package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.TestFrames;
import org.scforge.generators.Fold;
import org.scforge.generators.Tool;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.train.Evaluation;
import org.scforge.tests.designs.TestNetworks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that choose a plan, on conv models (docs/rtl.md, "Choosing the plan"): generate with a target and no
 * --fold prints the planner's plan and writes its RTL, --fps picks the smallest plan that reaches the rate, a part
 * that holds no plan is one line, and explore lists the front with the golden model's accuracy, as for dense models.
 */
class ConvPlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A 10 x 10 image, 4 channels of 3 x 3 (8 x 8 x 4), a 2 x 2 pool of stride 2, 4 classes: the UP5K holds it folded. */
    private static Network smallConv() {
        return Network.named("smallconv").image(10, 10, 1, Code.unsigned(4)).weights(4).bitstream(32)
                .conv("c1", 4, 3, 1, 0, Neuron.integrateAndFire(4)).pool("p1", 2, 2).dense("out", 4, Neuron.counter())
                .build();
    }

    @Test
    void generateForTheUp5kChoosesAConvPlanAndWritesItsRtl() throws Exception {
        Network network = smallConv();
        Path model = dir.resolve("smallconv.json");
        ModelFile.save(network, model);
        Planner.Estimate expected = Planner.choose(network, Target.ICE40_UP5K, OptionalDouble.empty(), 12).orElseThrow();
        // the conv layer is folded by whole positions (4 channels); the pool is never named
        assertThat(expected.fold().neuronsPerCycle()).containsKey("c1").doesNotContainKey("p1");
        assertThat(expected.fold().neuronsPerCycle().get("c1") % 4).isZero();

        Path out = dir.resolve("up5k");
        ConsoleCapture o = ConsoleCapture.run("generate", "--model", model.toString(), "--target", "ice40-up5k",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains(String.format("plan for ice40-up5k: %s (estimate: %d LUTs, %d block RAMs, %d "
                + "cycles per frame", expected.fold(), expected.luts(), expected.brams(), expected.cyclesPerFrame()));
        assertThat(Files.readString(out.resolve("smallconv_layer_c1.v"))).contains("slot_0_window");
        assertThat(Files.readString(out.resolve("smallconv_layer_p1.v"))).contains("spikes[0] <= |");
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("chosenBy").asText()).isEqualTo("planner");
        assertThat(Fold.parse(plan.get("fold").asText())).isEqualTo(expected.fold());
        assertThat(plan.get("windowCycles").asInt()).isEqualTo(expected.timing().windowCycles());
        assertThat(plan.get("estimate").get("luts").asLong()).isEqualTo(expected.luts());
    }

    @Test
    void theMnistShapedConvModelGetsAPlanOnXc7ByRateAndNoneOnTheUp5k() throws Exception {
        Network network = TestNetworks.convMnistShaped();
        Path model = dir.resolve("convmnist.json");
        ModelFile.save(network, model);

        // the fastest plan that fits the XC7A35T: 7 positions (56 lanes) of 2 synapses, weights in block RAM, so
        // T = ceil(144 / 7) * 13 + 4 = 277
        ConsoleCapture fastest = ConsoleCapture.run("generate", "--model", model.toString(), "--target", "xc7",
                "--out", dir.resolve("xc7").toString());
        assertThat(fastest.exitCode()).as(fastest.err()).isZero();
        assertThat(fastest.out()).contains("plan for xc7: c1=56x2:memory,out=1x43:memory (estimate: 12457 LUTs, 63 "
                + "block RAMs, 35735 cycles per frame, 2798 frames/s at 100.0 MHz)");
        assertThat(fastest.out()).contains("folded: windows of 277 cycles");
        assertThat(dir.resolve("xc7/convmnist_layer_c1.v")).exists();

        // at 1000 frames/s on 100 MHz: the fewest LUTs of the plans that reach it
        ConsoleCapture rate = ConsoleCapture.run("generate", "--model", model.toString(), "--target", "xc7",
                "--fps", "1000", "--clock", "100", "--out", dir.resolve("xc7-1000").toString());
        assertThat(rate.exitCode()).as(rate.err()).isZero();
        assertThat(rate.out()).contains("plan for xc7: c1=40x1:memory,out=1x16:memory (estimate: 11504 LUTs, 45 "
                + "block RAMs, 97784 cycles per frame, 1023 frames/s at 100.0 MHz)");

        // 1,152 membrane registers do not fit the UP5K by the estimate (docs/proposals/conv.md): one line, exit 2,
        // before synth would run a tool (synth first asks for the tools: where they are missing, it says that instead)
        boolean tools = Tool.YOSYS.available() && Tool.NEXTPNR_ICE40.available();
        for (String command : tools ? new String[] {"generate", "synth"} : new String[] {"generate"}) {
            ConsoleCapture up5k = ConsoleCapture.run(command, "--model", model.toString(), "--target", "ice40-up5k",
                    "--out", dir.resolve(command + "-up5k").toString());
            assertThat(up5k.exitCode()).as(command).isEqualTo(2);
            assertThat(up5k.errLines()).as(command).containsExactly("scforge: error: no plan fits iCE40 UP5K SG48 "
                    + "(iCEBreaker pins) by the estimate; give --fold to try one");
            assertThat(dir.resolve(command + "-up5k")).doesNotExist();
        }
    }

    @Test
    void exploreListsTheConvFrontWithTheGoldenAccuracy() throws Exception {
        ModelDocument document = withRandomFrames(smallConv());
        Path model = dir.resolve("smallconv.json");
        ModelFile.save(document, model);
        Path out = dir.resolve("explore");
        ConsoleCapture o = ConsoleCapture.run("explore", "--model", model.toString(), "--target", "ice40-up5k",
                "--lengths", "16,32", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode plans = JSON.readTree(out.resolve("explore.json").toFile()).get("plans");
        assertThat(plans.size()).isGreaterThan(2);
        for (JsonNode plan : plans) {
            Network at = document.network().withLength(plan.get("length").asInt());
            Planner.Estimate e = Planner.estimate(at, Fold.parse(plan.get("fold").asText()), Target.ICE40_UP5K);
            assertThat(plan.get("estimate").get("luts").asLong()).isEqualTo(e.luts());
            assertThat(plan.get("cyclesPerFrame").asLong()).isEqualTo(e.cyclesPerFrame());
            assertThat(plan.get("accuracy").asDouble()).isEqualTo(accuracy(document, at));
        }
        // the front's first plan at the first length is the planner's choice
        Planner.Estimate chosen = Planner.choose(document.network().withLength(16), Target.ICE40_UP5K,
                OptionalDouble.empty(), 12).orElseThrow();
        assertThat(plans.get(0).get("fold").asText()).isEqualTo(chosen.fold().toString());
    }

    private static double accuracy(ModelDocument document, Network network) {
        TestFrames frames = document.testFrames().orElseThrow();
        int[][] codes = frames.codes().stream().map(f -> f.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        int[] labels = frames.labels().stream().mapToInt(Integer::intValue).toArray();
        return Evaluation.bitExact(GoldenModel.of(network), codes, labels).accuracy();
    }

    /** 20 seeded random images with random labels, so that the accuracy is a number to check. */
    private static ModelDocument withRandomFrames(Network network) {
        SplittableRandom random = new SplittableRandom(5);
        int top = (1 << network.inputCode().magnitudeBits()) - 1;
        List<List<Integer>> codes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            List<Integer> frame = new ArrayList<>();
            for (int i = 0; i < network.inputs(); i++) {
                frame.add(random.nextInt(0, top + 1));
            }
            codes.add(frame);
            labels.add(random.nextInt(network.classes()));
        }
        return new ModelDocument(network, Optional.of(new TestFrames(codes, labels)), Map.of());
    }
}
