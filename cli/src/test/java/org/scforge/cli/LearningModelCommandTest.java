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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model file with a learning layer (docs/semantics.md section 12): validate and classify read it (classify
 * infers with learning off); generate writes its learning RTL, and every command that would make a board wrapper, a
 * board top or a plan for a part of it refuses it in one line (docs/rtl.md, "Learning layers").
 */
class LearningModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aLearningModelValidatesGeneratesAndWhatHasNoRtlOrNoPlanForItIsRefused() throws Exception {
        Path model = dir.resolve("learn.json");
        ModelFile.save(Network.named("learner").inputs(4, Code.unsigned(3)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("features", 3, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("learn_features", 4, 3, 5, 2,
                        1, -7, 7).withWta(true))
                .dense("out", 2, Neuron.counter()).build(), model);
        ConsoleCapture validate = ConsoleCapture.run("validate", model.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();

        String why = "scforge: error: " + model + ": network 'learner' has a learning layer ('features'), and scforge"
                + " makes no %s of a learning network yet (issue 16); generate or co-simulate it as it is, or remove the"
                + " layer's \"learning\" object to freeze its weights (docs/rtl.md, \"Learning layers\")";
        String[][] commands = {
                {"board top", "build", "--model", model.toString(), "--board", "icebreaker", "--out", dir.resolve("s").toString()},
                {"board top", "generate", "--model", model.toString(), "--board", "icebreaker", "--out",
                        dir.resolve("s").toString()},
                {"plan chosen for a part", "explore", "--model", model.toString(), "--target", "xc7", "--out",
                        dir.resolve("s").toString()}};
        for (String[] refused : commands) {
            String[] command = java.util.Arrays.copyOfRange(refused, 1, refused.length);
            ConsoleCapture run = ConsoleCapture.run(command);
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(command[0]).containsExactly(why.formatted(refused[0]));
            assertThat(dir.resolve("s")).as(command[0]).doesNotExist();
        }
        // a plan for a part needs the planner, which has no cost model for learning layers: --fold is asked for
        for (String command : List.of("synth", "generate")) {
            ConsoleCapture run = ConsoleCapture.run(command, "--model", model.toString(), "--target", "xc7", "--out",
                    dir.resolve("s").toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(command).containsExactly("scforge: error: network 'learner' has a learning layer"
                    + " ('features'), and the planner has no cost model for learning layers yet: give the plan with --fold,"
                    + " e.g. --fold features=1:memory (docs/rtl.md, \"Board wrapper and synthesis\")");
            assertThat(dir.resolve("s")).as(command).doesNotExist();
        }
        // with the plan given, generate --target writes the board wrapper, the yosys script and the constraints
        ConsoleCapture wrapped = ConsoleCapture.run("generate", "--model", model.toString(), "--target", "xc7", "--fold",
                "features=1x2:memory", "--out", dir.resolve("w").toString());
        assertThat(wrapped.exitCode()).as(wrapped.err()).isZero();
        assertThat(dir.resolve("w").resolve("learner_board.v")).content().contains("        .learn(1'b1),\n");
        assertThat(dir.resolve("w").resolve("synth_xc7.ys")).exists();
        assertThat(dir.resolve("w").resolve("plan.json")).content().contains("\"fold\" : \"features=1x2:memory\"")
                .doesNotContain("estimate");
        // generate without a target writes the learning RTL (docs/rtl.md, "Learning layers")
        ConsoleCapture generate = ConsoleCapture.run("generate", "--model", model.toString(), "--out",
                dir.resolve("g").toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(dir.resolve("g").resolve("learner_stdp_synapse.v")).exists();
    }
}
