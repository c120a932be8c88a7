package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model file with conv layers (docs/rtl.md, "Conv and pool layers"): validate reads it, generate writes its
 * RTL under a plan, cosim proves it, and the commands that choose a plan choose one.
 */
class ConvModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aConvModelIsGeneratedAndProven() throws Exception {
        Path model = dir.resolve("conv.json");
        ModelFile.save(convs(), model);
        ConsoleCapture validate = ConsoleCapture.run("validate", model.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("convs: 6x6x1-conv(2x3x3 s2 p1)=3x3x2-pool(2x2 s1)=2x2x2-2, 3 layers");

        ConsoleCapture generate = ConsoleCapture.run("generate", "--model", model.toString(), "--out",
                dir.resolve("g").toString(), "--fold", "c1=4x5:memory");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(Files.readString(dir.resolve("g/convs_layer_c1.v"))).contains("slot_1_window");
        assertThat(Files.readString(dir.resolve("g/convs_layer_p1.v"))).contains("spikes[7] <= |");

        ToolPolicy.require(Simulator.VERILATOR);
        ConsoleCapture cosim = ConsoleCapture.run("cosim", "--model", model.toString(), "--out",
                dir.resolve("c").toString(), "--fold", "c1=2", "--frames", "5", "--trace");
        assertThat(cosim.exitCode()).as(cosim.out() + cosim.err()).isZero();
        assertThat(cosim.out()).contains("0 mismatches");
    }

    @Test
    void theCommandsThatChooseAPlanChooseOneForAConvModel() throws Exception {
        Path model = dir.resolve("conv.json");
        ModelFile.save(convs(), model);
        ConsoleCapture generate = ConsoleCapture.run("generate", "--model", model.toString(), "--target", "ice40-up5k",
                "--out", dir.resolve("g").toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        // 18 conv neurons and 2 counters: the UP5K holds the fully parallel design, the fastest
        assertThat(generate.out()).contains("plan for ice40-up5k: fully parallel (estimate: ");
        assertThat(dir.resolve("g/convs_layer_c1.v")).exists();
        ConsoleCapture explore = ConsoleCapture.run("explore", "--model", model.toString(), "--target", "xc7", "--out",
                dir.resolve("e").toString());
        assertThat(explore.exitCode()).as(explore.err()).isZero();
        assertThat(explore.out()).contains("(fully parallel)").contains("c1=");
    }

    private static Network convs() {
        return Network.named("convs").image(6, 6, 1, Code.unsigned(4)).weights(3).bitstream(16)
                .conv("c1", 2, 3, 2, 1, Neuron.integrateAndFire(2)).pool("p1", 2, 1).dense("out", 2, Neuron.counter())
                .build();
    }
}
