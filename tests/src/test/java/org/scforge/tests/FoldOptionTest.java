package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelFile;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;
import org.scforge.tests.designs.TestNetworks;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --fold} on generate and cosim: a folded design co-simulates cycle by cycle; bad plans are one line, exit 2. */
class FoldOptionTest {

    @TempDir
    Path dir;

    private Path model() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        return model;
    }

    @Test
    void aFoldedModelCoSimulatesWithTraceWithoutMismatch() throws Exception {
        ToolPolicy.require(Simulator.VERILATOR);
        Path out = dir.resolve("out");
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "5", "--out",
                out.toString(), "--trace", "--fold", "hidden=3,out=1");
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("folded hidden=3,out=1").contains("5 frames").contains("0 mismatches");
        JsonNode json = new ObjectMapper().readTree(out.resolve("cosim.json").toFile());
        // per frame: done edge, 3 counts, class; per step: 4 spikes + 4 membranes + 3 running counts
        assertThat(json.get("valuesCompared").asLong()).isEqualTo(5L * (1 + 3 + 1 + 32 * (4 + 4 + 3)));
    }

    @Test
    void anExplicitTargetWithoutFoldGetsThePlannersPlanAndPlanJsonRecordsIt() throws Exception {
        Path out = dir.resolve("planned");
        ConsoleCapture o = ConsoleCapture.run("generate", "--model", model().toString(), "--out", out.toString(),
                "--target", "ice40-up5k");
        assertThat(o.exitCode()).as(o.err()).isZero();
        // the tiny network fits the UP5K fully parallel, the fastest plan
        assertThat(o.out()).contains("plan for ice40-up5k: fully parallel (estimate: ");
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("fold").asText()).isEmpty();
        assertThat(plan.get("chosenBy").asText()).isEqualTo("planner");
        assertThat(plan.get("windowCycles").asInt()).isEqualTo(1);
        assertThat(plan.get("estimate").get("target").asText()).isEqualTo("ice40-up5k");

        // a rate that the fully parallel design does not reach at 12 MHz: none reaches it, one line, exit 2
        ConsoleCapture fast = ConsoleCapture.run("generate", "--model", model().toString(), "--out",
                dir.resolve("fast").toString(), "--target", "ice40-up5k", "--fps", "1e9");
        assertThat(fast.exitCode()).isEqualTo(2);
        assertThat(fast.err().lines().toList()).hasSize(1);
        assertThat(fast.err()).contains("reaches 1000000000 frames/s at 12.0 MHz");
    }

    @Test
    void withoutATargetGenerateKeepsTheParallelDesignAndRefusesFps() throws Exception {
        Path out = dir.resolve("plain");
        ConsoleCapture o = ConsoleCapture.run("generate", "--model", model().toString(), "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain("plan for");
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("chosenBy").asText()).isEqualTo("--fold");
        ConsoleCapture fps = ConsoleCapture.run("generate", "--model", model().toString(), "--out",
                dir.resolve("fps").toString(), "--fps", "100");
        assertThat(fps.exitCode()).isEqualTo(2);
        assertThat(fps.err().strip()).isEqualTo("scforge: error: --fps and --clock choose a plan for a target: add --target");
        ConsoleCapture both = ConsoleCapture.run("generate", "--model", model().toString(), "--out",
                dir.resolve("both").toString(), "--target", "xc7", "--fold", "hidden=1", "--fps", "100");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("scforge: error: --fps chooses a plan: give --fold or --fps, not both");
    }

    @Test
    void generateWritesTheFoldedLatencyIntoTheBench() throws Exception {
        Path out = dir.resolve("rtl");
        ConsoleCapture o = ConsoleCapture.run("generate", "--model", model().toString(), "--out", out.toString(),
                "--fold", "out=2");
        assertThat(o.exitCode()).as(o.err()).isZero();
        // out: 3 neurons, 2 per cycle: T = 2; done at (32 + 2 - 1) * 2 + 1
        assertThat(o.out()).contains("folded: windows of 2 cycles, done at edge 67 after start");
        assertThat(Files.readString(out.resolve("tb_tiny_mlp.v"))).contains("localparam LATENCY = 67;");
        assertThat(Files.readString(out.resolve("sim_main.cpp"))).contains("const int LATENCY = 67;");
    }

    @Test
    void badPlansAreOneLineAndExitTwo() throws Exception {
        String model = model().toString();
        for (String[] bad : new String[][] {
                {"hidden=5", "--fold: fold hidden=5: P must be 1..4 (the neurons of layer hidden)"},
                {"hidden=0", "--fold: fold hidden=0: P must be 1..4 (the neurons of layer hidden)"},
                {"hiden=2", "--fold: fold names layer 'hiden', which network tiny_mlp does not have; its layers are [hidden, out]"},
                {"hidden", "--fold: fold entry 'hidden' is not LAYER=P, LAYER=PxS or either with :memory "
                        + "(e.g. hidden=1:memory,out=1x11)"},
                {"hidden=1:rom", "--fold: fold entry 'hidden=1:rom': weights go in 'memory' or 'logic', not 'rom'"}}) {
            for (String command : new String[] {"generate", "cosim", "synth"}) {
                ConsoleCapture o = command.equals("synth")
                        ? ConsoleCapture.run(command, "--model", model, "--out", dir.resolve("x").toString(), "--target",
                                "xc7", "--fold", bad[0])
                        : ConsoleCapture.run(command, "--model", model, "--out", dir.resolve("x").toString(), "--fold",
                                bad[0]);
                assertThat(o.exitCode()).as(command + " " + bad[0]).isEqualTo(2);
                assertThat(o.err().strip()).as(command).isEqualTo("scforge: error: " + bad[1]);
            }
        }
    }
}
