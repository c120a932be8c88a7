package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A model file with conv layers: validate reads it; every command that makes hardware of it refuses in one line. */
class ConvModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void validateReadsAConvModelAndHardwareCommandsRefuseIt() throws Exception {
        Path model = dir.resolve("conv.json");
        ModelFile.save(Network.named("convs").image(6, 6, 1, Code.unsigned(4)).weights(3).bitstream(16)
                .conv("c1", 2, 3, 2, 1, Neuron.integrateAndFire(2)).dense("out", 2, Neuron.counter()).build(), model);
        ConsoleCapture validate = ConsoleCapture.run("validate", model.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("convs: 6x6x1-conv(2x3x3 s2 p1)=3x3x2-2, 2 layers, 20 neurons");
        String why = "scforge: error: " + model + ": network 'convs' has conv or pool layers (c1); the golden model runs them"
                + " (scforge validate checks the file), but no RTL is generated for them yet (issue 15)";
        for (String[] command : new String[][] {
                {"generate", "--model", model.toString(), "--out", dir.resolve("g").toString()},
                {"synth", "--model", model.toString(), "--target", "xc7", "--out", dir.resolve("s").toString()},
                {"cosim", "--model", model.toString(), "--out", dir.resolve("c").toString()}}) {
            ConsoleCapture run = ConsoleCapture.run(command);
            assertThat(run.exitCode()).as(command[0]).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(command[0]).containsExactly(why);
        }
        assertThat(dir.resolve("g")).doesNotExist();
        assertThat(dir.resolve("s")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }
}
