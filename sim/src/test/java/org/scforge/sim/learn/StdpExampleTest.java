package org.scforge.sim.learn;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.data.Dataset;
import org.scforge.sim.data.IdxFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The STDP example on a small slice of the embedded digits: 300 learning and 100 test digits, 16 neurons. */
class StdpExampleTest {

    static final Dataset DIGITS = IdxFolder.load(locate()).train();

    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/mnist-10k"))) {
                return dir.resolve("data/mnist-10k");
            }
        }
        throw new IllegalStateException("data/mnist-10k not found above " + Path.of("").toAbsolutePath());
    }

    static StdpOptions small(long seed) {
        return StdpOptions.defaults().withNeurons(16).withFrames(300, 100).withSeed(seed);
    }

    static StdpExample.Outcome run(StdpOptions options, List<String> log) {
        return StdpExample.run(DIGITS, "mnist-10k", options, log::add);
    }

    @Test
    void theExampleIsDeterministicBySeedAndLogsItsProgress() {
        List<String> log = new ArrayList<>();
        StdpExample.Outcome a = run(small(3), log);
        StdpExample.Outcome b = run(small(3), new ArrayList<>());
        StdpExample.Outcome c = run(small(4), new ArrayList<>());
        assertThat(b.learned().network()).isEqualTo(a.learned().network());
        assertThat(b.learned().test()).usingRecursiveComparison().isEqualTo(a.learned().test());
        assertThat(b.frozen().test()).usingRecursiveComparison().isEqualTo(a.frozen().test());
        assertThat(b.testCodes()).isDeepEqualTo(a.testCodes());
        assertThat(c.learned().network().layers().get(0).weights()).isNotEqualTo(a.learned().network().layers().get(0).weights());
        assertThat(log.get(0)).matches("learned 300/300 frames, [0-9.]+ frames/s");
        assertThat(a.testLabels()).hasSize(100);
        assertThat(a.info()).containsEntry("seed", "3").containsEntry("frames", "300");
    }

    @Test
    void learningChangesTheWeightsAndTheFrozenBaselineKeepsTheInitialOnes() {
        StdpOptions options = small(2);
        StdpExample.Outcome outcome = run(options, new ArrayList<>());
        Network initial = StdpNetwork.template(options, 784, outcome.learned().network().inputCode(), 10);
        IntMatrix start = initial.layers().get(0).weights();
        assertThat(outcome.frozen().network().layers().get(0).weights()).isEqualTo(start);
        assertThat(outcome.learned().network().layers().get(0).weights()).isNotEqualTo(start);
        assertThat(java.util.Arrays.stream(start.toArray()).flatMapToInt(java.util.Arrays::stream).summaryStatistics())
                .satisfies(s -> assertThat(s.getMin()).isZero())
                .satisfies(s -> assertThat(s.getMax()).isEqualTo(options.initialMax()));
        assertThat(java.util.Arrays.stream(outcome.learned().network().layers().get(0).weights().toArray())
                .flatMapToInt(java.util.Arrays::stream)).allSatisfy(w -> assertThat(w).isBetween(-15, 15));
        // the learned network keeps its rule, with the threshold offsets it learned; the frozen one has none
        org.scforge.dsl.Stdp learnedRule = outcome.learned().network().layers().get(0).learning().orElseThrow();
        org.scforge.dsl.Stdp.Homeostasis learnedOffsets = learnedRule.homeostasis().orElseThrow();
        assertThat(learnedOffsets.offsets()).hasSize(16).anySatisfy(o -> assertThat(o).isPositive());
        assertThat(learnedRule.withHomeostasis(learnedOffsets.withOffsets(List.of()))).isEqualTo(StdpNetwork.rule(options));
        assertThat(outcome.frozen().network().layers().get(0).learning()).contains(StdpNetwork.rule(options));
    }

    @Test
    void theReadoutEncodesTheAssignmentAndTheGoldenModelGivesTheReportedAccuracy() {
        StdpExample.Outcome outcome = run(small(1), new ArrayList<>());
        for (StdpExample.Labelled labelled : List.of(outcome.learned(), outcome.frozen())) {
            DenseLayer readout = labelled.network().readout();
            assertThat(readout.weights()).isEqualTo(labelled.assignment().readoutWeights(15));
            assertThat(readout.bias()).containsOnly(0);
            int[] classOf = labelled.assignment().classOf();
            for (int j = 0; j < classOf.length; j++) {
                for (int c = 0; c < 10; c++) {
                    assertThat(readout.weights().get(c, j) > 0).as("neuron %d, class %d", j, c).isEqualTo(classOf[j] == c);
                }
            }
            GoldenModel model = GoldenModel.of(labelled.network());
            int correct = 0;
            for (int n = 0; n < outcome.testLabels().length; n++) {
                if (model.run(outcome.testCodes()[n]).predictedClass() == outcome.testLabels()[n]) {
                    correct++;
                }
            }
            assertThat(correct / 100.0).isEqualTo(labelled.test().accuracy());
        }
        // 300 digits of learning already beat the random weights
        assertThat(outcome.learned().test().accuracy()).isGreaterThan(outcome.frozen().test().accuracy());
    }

    @Test
    void tooFewDigitsIsAnIllegalArgument() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(small(1).withFrames(9000, 2000), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mnist-10k holds 10000 images, fewer than 9000 learning + 2000 test");
    }
}
