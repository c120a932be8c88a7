package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;
import org.scforge.generators.Fold;
import org.scforge.generators.Tool;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;
import org.scforge.harness.ToolPolicy;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.train.Evaluation;
import org.scforge.tests.designs.TestNetworks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scforge explore}: the estimate's Pareto front per length, the golden model's accuracy, and yosys on a plan. */
class ExploreCommandTest {

    @TempDir
    Path dir;

    @Test
    void theFrontIsFasterOrSmallerAtEveryStepAndCarriesTheGoldenAccuracy() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelDocument document = withRandomFrames(TestNetworks.tinyMlp());
        ModelFile.save(document, model);
        Path out = dir.resolve("explore");
        ConsoleCapture o = ConsoleCapture.run("explore", "--model", model.toString(), "--target", "ice40-up5k",
                "--lengths", "16,32", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("explore.json").toFile());
        assertThat(json.get("clockMhz").asDouble()).isEqualTo(12.0);
        JsonNode plans = json.get("plans");
        assertThat(plans.size()).isGreaterThan(2);
        int seen16 = 0;
        JsonNode previous = null;
        for (JsonNode plan : plans) {
            int length = plan.get("length").asInt();
            seen16 += length == 16 ? 1 : 0;
            // each plan is what the planner estimates for its --fold text
            Planner.Estimate e = Planner.estimate(document.network().withLength(length),
                    Fold.parse(plan.get("fold").asText()), Target.ICE40_UP5K);
            assertThat(plan.get("estimate").get("luts").asLong()).isEqualTo(e.luts());
            assertThat(plan.get("cyclesPerFrame").asLong()).isEqualTo(e.cyclesPerFrame());
            if (previous != null && previous.get("length").asInt() == length) {
                // along the front: slower and smaller
                assertThat(plan.get("cyclesPerFrame").asLong()).isGreaterThan(previous.get("cyclesPerFrame").asLong());
                assertThat(plan.get("estimate").get("luts").asLong())
                        .isLessThan(previous.get("estimate").get("luts").asLong());
            }
            previous = plan;
        }
        assertThat(seen16).isPositive().isLessThan(plans.size());
        // the first plan is the fastest, which for the tiny network is the fully parallel design
        assertThat(plans.get(0).get("fold").asText()).isEmpty();
        int[][] codes = document.testFrames().orElseThrow().codes().stream()
                .map(f -> f.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        int[] labels = document.testFrames().orElseThrow().labels().stream().mapToInt(Integer::intValue).toArray();
        double accuracy16 = Evaluation.bitExact(GoldenModel.of(document.network().withLength(16)), codes, labels)
                .accuracy();
        assertThat(plans.get(0).get("accuracy").asDouble()).isEqualTo(accuracy16);
        assertThat(Files.size(out.resolve("explore.png"))).isGreaterThan(1000);
        assertThat(Files.readString(out.resolve("explore.txt"))).contains("(fully parallel)");
    }

    /** 40 seeded random frames with random labels, so that the accuracy is a number to check. */
    private static ModelDocument withRandomFrames(Network network) {
        SplittableRandom random = new SplittableRandom(7);
        int top = (1 << network.inputCode().magnitudeBits()) - 1;
        List<List<Integer>> codes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            List<Integer> frame = new ArrayList<>();
            for (int i = 0; i < network.inputs(); i++) {
                frame.add(random.nextInt(network.inputCode().signed() ? -top : 0, top + 1));
            }
            codes.add(frame);
            labels.add(random.nextInt(network.classes()));
        }
        return new ModelDocument(network, Optional.of(new TestFrames(codes, labels)), Map.of());
    }

    @Test
    void synthMeasuresTheFastestPlanWithYosysAndNextpnr() throws Exception {
        for (Tool tool : new Tool[] {Tool.YOSYS, Tool.NEXTPNR_ICE40}) {
            if (!tool.available()) {
                if (ToolPolicy.underCi()) {
                    throw new AssertionError("CI=true: " + tool.missingMessage());
                }
                throw new TestAbortedException(tool.missingMessage());
            }
        }
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        Path out = dir.resolve("explore-synth");
        ConsoleCapture o = ConsoleCapture.run("explore", "--model", model.toString(), "--target", "ice40-up5k",
                "--synth", "1", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(out.resolve("explore.json").toFile()).get("plans").get(0);
        JsonNode synth = first.get("synth");
        assertThat(synth.get("luts").asLong()).isPositive();
        assertThat(synth.get("fits").asBoolean()).isTrue();
        assertThat(synth.get("fmaxMhz").asDouble()).isPositive();
        assertThat(synth.get("cyclesPerFrame").asLong()).isEqualTo(first.get("cyclesPerFrame").asLong());
    }
}
