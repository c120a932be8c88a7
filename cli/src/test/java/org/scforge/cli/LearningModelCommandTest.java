package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Stdp;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model file with a learning layer (docs/semantics.md section 12): validate and classify read it (classify
 * infers with learning off), and every command that makes a design refuses it in one line until the learning
 * RTL exists (issue 16).
 */
class LearningModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aLearningModelValidatesAndEveryDesignCommandRefusesIt() throws Exception {
        Path model = dir.resolve("learn.json");
        ModelFile.save(Network.named("learner").inputs(4, Code.unsigned(3)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("features", 3, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("learn_features", 4, 3, 5, 2,
                        1, -7, 7).withWta(true))
                .dense("out", 2, Neuron.counter()).build(), model);
        ConsoleCapture validate = ConsoleCapture.run("validate", model.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();

        String why = "scforge: error: " + model + ": network 'learner' has a learning layer ('features'), for which no RTL"
                + " is generated yet (issue 16); remove the layer's \"learning\" object to generate the network with its"
                + " weights frozen (docs/semantics.md, section 12)";
        for (String[] command : new String[][] {
                {"generate", "--model", model.toString(), "--out", dir.resolve("s").toString()},
                {"synth", "--model", model.toString(), "--target", "xc7", "--out", dir.resolve("s").toString()},
                {"cosim", "--model", model.toString(), "--out", dir.resolve("s").toString()},
                {"build", "--model", model.toString(), "--board", "icebreaker", "--out", dir.resolve("s").toString()},
                {"explore", "--model", model.toString(), "--target", "xc7", "--out", dir.resolve("s").toString()}}) {
            ConsoleCapture run = ConsoleCapture.run(command);
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(command[0]).containsExactly(why);
            assertThat(dir.resolve("s")).as(command[0]).doesNotExist();
        }
    }
}
