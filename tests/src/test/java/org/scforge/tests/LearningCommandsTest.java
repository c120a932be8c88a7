package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelFile;
import org.scforge.generators.StdpExampleNetwork;
import org.scforge.generators.Tool;
import org.scforge.generators.Tools;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on a learning model (docs/cosim.md "Learning runs", docs/rtl.md "Learning layers"): cosim runs a
 * learning run and reports the weight codes it compared; generate writes the RTL and benches; synth measures a folded
 * plan given with --fold; what is not generated for a learning network, and a plan asked of the planner, is one line
 * and exit 2.
 */
class LearningCommandsTest {

    @TempDir
    Path dir;

    private Path model() throws Exception {
        Path model = dir.resolve("stdpexample.json");
        ModelFile.save(StdpExampleNetwork.network(), model);
        return model;
    }

    @Test
    void cosimRunsALearningRunAndReportsTheWeightCodes() throws Exception {
        ToolPolicy.require(Simulator.VERILATOR);
        Path out = dir.resolve("out");
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "5", "--simulator",
                "verilator", "--out", out.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("cosim stdpexample in verilator, learning on: ")
                .contains("(of which 20 weight codes, 0 mismatches)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("cosim.json").toFile());
        // 5 frames, 4 codes after each
        assertThat(json.get("weightsCompared").asLong()).isEqualTo(20);
        assertThat(json.get("weightMismatches").asLong()).isZero();
        assertThat(json.get("mismatches").asLong()).isZero();

        ConsoleCapture frozen = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "5", "--simulator",
                "verilator", "--out", out.toString(), "--force", "--learn", "off", "--trace");
        assertThat(frozen.exitCode()).as(frozen.out() + frozen.err()).isZero();
        assertThat(frozen.out()).contains("learning off").contains("(of which 100 weight codes, 0 mismatches)");
    }

    @Test
    void cosimRunsAFoldedLearningRunWithTheWeightsInMemory() throws Exception {
        ToolPolicy.require(Simulator.VERILATOR);
        Path out = dir.resolve("folded");
        // docs/rtl.md, "Folded learning layers": the words read back after every frame
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "5", "--simulator",
                "verilator", "--out", out.toString(), "--fold", "hidden=1x2:memory", "--trace");
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("folded hidden=1x2:memory").contains("(of which 20 weight codes, 0 mismatches)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("cosim.json").toFile());
        assertThat(json.get("weightsCompared").asLong()).isEqualTo(20);
        assertThat(json.get("mismatches").asLong()).isZero();
        ConsoleCapture generate = ConsoleCapture.run("generate", "--model", model().toString(), "--out",
                dir.resolve("folded-rtl").toString(), "--fold", "hidden=1x2:memory");
        assertThat(generate.exitCode()).as(generate.out() + generate.err()).isZero();
        assertThat(dir.resolve("folded-rtl").resolve("stdpexample_stdp_chunk.v")).exists();
        assertThat(dir.resolve("folded-rtl").resolve("tb_stdpexample.v")).content()
                .contains(".hidden_weights_address(2'd0),");
    }

    @Test
    void aLearnValueOtherThanOnOrOffIsOneLine() throws Exception {
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model().toString(), "--out", dir.resolve("o").toString(),
                "--learn", "yes");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("scforge: error: --learn yes: give on or off");
    }

    @Test
    void generateWritesTheRtlAndTheBenchesWithoutABoardWrapper() throws Exception {
        Path out = dir.resolve("rtl");
        ConsoleCapture o = ConsoleCapture.run("generate", "--model", model().toString(), "--out", out.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("test benches on 20 frames").contains("(learn low; learning runs: scforge cosim)");
        assertThat(out.resolve("stdpexample_stdp_synapse.v")).exists();
        assertThat(out.resolve("tb_stdpexample.v")).content().contains(".learn(1'b0),");
    }

    @Test
    void synthWithAFoldedPlanMeasuresTheLearningDesignAndPrintsNoEstimate() throws Exception {
        Tools.require(Tool.YOSYS);
        Path out = dir.resolve("synth");
        ConsoleCapture o = ConsoleCapture.run("synth", "--model", model().toString(), "--target", "xc7", "--fold",
                "hidden=1x2:memory", "--out", out.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("estimate     none: the planner has no cost model for learning layers\n");
        JsonNode json = new ObjectMapper().readTree(out.resolve("synth.json").toFile());
        assertThat(json.get("fold").asText()).isEqualTo("hidden=1x2:memory");
        assertThat(json.get("estimate").isNull()).isTrue();
        assertThat(json.get("fits").asBoolean()).isTrue();
        // docs/rtl.md, "Board wrapper and synthesis": the learning logic is there (57 LUTs frozen, 148 learning)
        assertThat(json.get("luts").asLong()).isGreaterThan(100);
        assertThat(out.resolve("stdpexample_board.v")).content().contains("        .learn(1'b1),\n");
    }

    @Test
    void synthesisWithoutAPlanAndAFoldedPlanWithoutMemoryAreOneLineAndExitTwo() throws Exception {
        String model = model().toString();
        ConsoleCapture target = ConsoleCapture.run("generate", "--model", model, "--out", dir.resolve("t").toString(),
                "--target", "ice40-up5k");
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err().strip()).doesNotContain("\n").endsWith("network 'stdpexample' has a learning layer"
                + " ('hidden'), and the planner has no cost model for learning layers yet: give the plan with --fold, e.g."
                + " --fold hidden=1:memory (docs/rtl.md, \"Board wrapper and synthesis\")");
        ConsoleCapture synth = ConsoleCapture.run("synth", "--model", model, "--target", "ice40-up5k", "--out",
                dir.resolve("s").toString());
        assertThat(synth.exitCode()).isEqualTo(2);
        assertThat(synth.err().strip()).doesNotContain("\n").contains("give the plan with --fold");
        ConsoleCapture folded = ConsoleCapture.run("cosim", "--model", model, "--out", dir.resolve("f").toString(),
                "--fold", "out=1");
        assertThat(folded.exitCode()).isEqualTo(2);
        assertThat(folded.err().strip()).doesNotContain("\n").contains("a folded design keeps a learning layer's weights in memory: give it P[xS]:memory, e.g. hidden=2:memory");
    }
}
