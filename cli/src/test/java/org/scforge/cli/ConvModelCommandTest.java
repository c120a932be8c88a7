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
 * RTL under a plan, cosim proves it, and a command that would have to choose the plan says to give it.
 */
class ConvModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aConvModelIsGeneratedAndProvenAndThePlannerAsksForAPlan() throws Exception {
        Path model = dir.resolve("conv.json");
        ModelFile.save(Network.named("convs").image(6, 6, 1, Code.unsigned(4)).weights(3).bitstream(16)
                .conv("c1", 2, 3, 2, 1, Neuron.integrateAndFire(2)).pool("p1", 2, 1).dense("out", 2, Neuron.counter())
                .build(), model);
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

        String why = "scforge: error: network 'convs' has conv or pool layers (c1), for which the planner cannot choose"
                + " a plan yet (issue 15); give the plan with --fold (docs/rtl.md, \"Conv and pool layers\")";
        for (String[] command : new String[][] {
                {"synth", "--model", model.toString(), "--target", "xc7", "--out", dir.resolve("s").toString()},
                {"generate", "--model", model.toString(), "--target", "ice40-up5k", "--out", dir.resolve("s").toString()},
                {"explore", "--model", model.toString(), "--target", "xc7", "--out", dir.resolve("s").toString()}}) {
            ConsoleCapture run = ConsoleCapture.run(command);
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(command[0]).containsExactly(why);
            assertThat(dir.resolve("s")).as(command[0]).doesNotExist();
        }
    }
}
