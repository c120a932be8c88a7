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

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CosimCommandTest {

    @TempDir
    Path dir;

    @Test
    void aModelCoSimulatesWithoutMismatchAndWritesTheReport() throws Exception {
        ToolPolicy.require(Simulator.ICARUS);
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        Path out = dir.resolve("out");

        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model.toString(), "--frames", "6", "--simulator", "icarus", "--out",
                out.toString(), "--trace");

        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("5 corner frames and 1 seeded random frame (seed 1); the model has no test frames")
                .containsPattern("6 frames, \\d+ values compared, 0 mismatches");
        JsonNode json = new ObjectMapper().readTree(out.resolve("cosim.json").toFile());
        assertThat(json.get("simulator").asText()).isEqualTo("icarus");
        assertThat(json.get("frames").asInt()).isEqualTo(6);
        assertThat(json.get("mismatches").asLong()).isZero();
        // per frame: done edge, 3 counts, class; per step: 4 spikes + 4 membranes + 3 running counts
        assertThat(json.get("valuesCompared").asLong()).isEqualTo(6L * (1 + 3 + 1 + 32 * (4 + 4 + 3)));
        assertThat(json.get("rtlFramesPerSecond").asDouble()).isPositive();
        assertThat(json.get("goldenFramesPerSecond").asDouble()).isPositive();
    }

    /** cosim once replaced DIR/rtl silently: now its own earlier output needs --force, and a stranger's folder is refused. */
    @Test
    void anEarlierOutputNeedsForceAndAStrangersFolderIsRefused() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        Path mine = java.nio.file.Files.createDirectories(dir.resolve("mine").resolve("rtl"));
        java.nio.file.Files.writeString(mine.resolve("top.v"), "// my own RTL\n");
        ConsoleCapture refused = ConsoleCapture.run("cosim", "--model", model.toString(), "--frames", "2", "--simulator",
                "icarus", "--out", mine.getParent().toString(), "--force");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("scforge: error: ").contains("scforge did not write it")
                .doesNotContain("\n");
        assertThat(java.nio.file.Files.readString(mine.resolve("top.v"))).isEqualTo("// my own RTL\n");

        ToolPolicy.require(Simulator.ICARUS);
        Path out = dir.resolve("out");
        String[] run = {"cosim", "--model", model.toString(), "--frames", "2", "--simulator", "icarus", "--out", out.toString()};
        assertThat(ConsoleCapture.run(run).exitCode()).isZero();
        assertThat(out.resolve(".scforge-output")).content().contains("\"command\" : \"cosim\"");
        ConsoleCapture again = ConsoleCapture.run(run);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("holds an earlier scforge output; pass --force");
        String[] forced = java.util.Arrays.copyOf(run, run.length + 1);
        forced[run.length] = "--force";
        assertThat(ConsoleCapture.run(forced).exitCode()).isZero();
        assertThat(out.resolve("rtl").resolve("tiny_mlp.v")).exists();
        assertThat(out.resolve("cosim.json")).exists();
    }

    @Test
    void aMissingModelIsOneLineAndExitTwo() {
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", dir.resolve("nope.json").toString(), "--out", dir.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("scforge: error: ").contains("no such file").doesNotContain("\n");
    }

    @Test
    void anUnknownSimulatorIsAUserError() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        ConsoleCapture o = ConsoleCapture.run("cosim", "--model", model.toString(), "--simulator", "modelsim", "--out", dir.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("unknown simulator 'modelsim'");
    }
}
