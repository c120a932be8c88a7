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
        assertThat(o.out()).contains("6 seeded random frames (seed 1; the model has no test frames)")
                .containsPattern("6 frames, \\d+ values compared, 0 mismatches");
        JsonNode json = new ObjectMapper().readTree(out.resolve("cosim.json").toFile());
        assertThat(json.get("simulator").asText()).isEqualTo("icarus");
        assertThat(json.get("frames").asInt()).isEqualTo(6);
        assertThat(json.get("mismatches").asLong()).isZero();
        // per frame: done edge, 3 counts, class; per step: 4 spikes + 4 membranes + 3 running counts
        assertThat(json.get("values_compared").asLong()).isEqualTo(6L * (1 + 3 + 1 + 32 * (4 + 4 + 3)));
        assertThat(json.get("rtl_frames_per_second").asDouble()).isPositive();
        assertThat(json.get("golden_frames_per_second").asDouble()).isPositive();
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
