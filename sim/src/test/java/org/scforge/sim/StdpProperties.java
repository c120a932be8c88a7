package org.scforge.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.dsl.SplitMix64;
import org.scforge.dsl.Stdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning rule of docs/semantics.md section 12 on random small learning networks
 * ({@link RandomNetworks#learningSeeded}) and random frames: learning off is the plain network on both paths;
 * with learning on, every update obeys the rule, the bounds hold, winner-take-all leaves one spike a step, and
 * the same frames give the same weights.
 */
class StdpProperties {

    private static final int FRAMES = 6;

    /** {@code FRAMES} random frames of codes for {@code network}, drawn from {@code seed}. */
    static int[][] frames(Network network, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int[][] frames = new int[FRAMES][network.inputs()];
        int max = network.inputCode().maxMagnitude();
        int min = network.inputCode().minValue();
        for (int[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = min + (int) random.nextBelow(max - min + 1);
            }
        }
        return frames;
    }

    private static void sameTrace(Trace actual, Trace expected) {
        assertThat(actual.layers()).hasSameSizeAs(expected.layers());
        for (int l = 0; l < expected.layers().size(); l++) {
            Trace.LayerTrace a = actual.layers().get(l);
            Trace.LayerTrace e = expected.layers().get(l);
            assertThat(a.layer()).isEqualTo(e.layer());
            assertThat(a.sums()).isDeepEqualTo(e.sums());
            assertThat(a.spikes()).isDeepEqualTo(e.spikes());
            assertThat(a.state()).isDeepEqualTo(e.state());
        }
        assertThat(actual.readoutCounts()).containsExactly(expected.readoutCounts());
        assertThat(actual.predictedClass()).isEqualTo(expected.predictedClass());
    }

    /** Without winner-take-all and homeostasis, a rule changes nothing while learning is off. */
    @Property(tries = 200)
    void learningOffIsThePlainNetworkOnBothPaths(@ForAll long seed) {
        Network network = RandomNetworks.withoutInhibition(RandomNetworks.learningSeeded(seed));
        Network plain = RandomNetworks.withoutLearning(network);
        GoldenModel learning = GoldenModel.of(network);
        GoldenModel reference = GoldenModel.of(plain);
        LearningRun run = LearningRun.of(network);
        for (int[] codes : frames(network, seed)) {
            FrameCounts expected = reference.run(codes);
            assertThat(learning.run(codes).layerCounts()).isDeepEqualTo(expected.layerCounts());
            assertThat(run.frame(codes, false).layerCounts()).isDeepEqualTo(expected.layerCounts());
            Trace plainTrace = reference.trace(codes);
            sameTrace(learning.trace(codes), plainTrace);
            Trace off = run.trace(codes, false);
            sameTrace(off, plainTrace);
            assertThat(off.weightUpdates()).isEmpty();
            assertThat(LearningRun.countsOf(plainTrace).layerCounts()).isDeepEqualTo(expected.layerCounts());
        }
        assertThat(run.network()).isEqualTo(network);
    }

    /**
     * With winner-take-all or threshold offsets the rule shapes the spikes with learning off too (sections 12.4,
     * 12.5): the batch path (which then runs the trace path), the trace path and a learning run with learning off
     * agree, nothing learns, a winner-take-all layer spikes at most once per step, and a neuron spikes only where
     * its membrane reached its own threshold.
     */
    @Property(tries = 200)
    void learningOffWithInhibitionAgreesOnEveryPathAndLearnsNothing(@ForAll long seed) {
        Network network = RandomNetworks.adaptiveSeeded(seed);
        GoldenModel model = GoldenModel.of(network);
        LearningRun run = LearningRun.of(network);
        int[][] counts = model.newCounts();
        for (int[] codes : frames(network, seed)) {
            Trace trace = model.trace(codes);
            FrameCounts expected = LearningRun.countsOf(trace);
            assertThat(model.run(codes).layerCounts()).isDeepEqualTo(expected.layerCounts());
            assertThat(model.runInto(codes, counts)).isEqualTo(expected.predictedClass());
            assertThat(counts).isDeepEqualTo(expected.layerCounts());
            assertThat(run.frame(codes, false).layerCounts()).isDeepEqualTo(expected.layerCounts());
            Trace off = run.trace(codes, false);
            sameTrace(off, trace);
            assertThat(off.weightUpdates()).isEmpty();
            for (int l = 0; l < network.layers().size(); l++) {
                DenseLayer layer = network.layers().get(l);
                if (layer.learning().map(Stdp::wta).orElse(false)) {
                    for (int[] step : trace.layers().get(l).spikes()) {
                        assertThat(java.util.Arrays.stream(step).sum()).as("winner-take-all").isLessThanOrEqualTo(1);
                    }
                }
            }
        }
        assertThat(run.network()).isEqualTo(network);
    }

    /**
     * Homeostasis (section 12.5), learning on: each spike raises its neuron's offset by the step, to at most the
     * limit, and every decayFrames learning frames every offset drops by 1, to at least 0; the learned network
     * stores the offsets and runs with them.
     */
    @Property(tries = 200)
    void offsetsRiseWithSpikesAndDecayEveryDecayFrames(@ForAll long seed) {
        Network network = RandomNetworks.adaptiveSeeded(seed);
        LearningRun run = LearningRun.of(network);
        Map<Integer, int[]> offsets = new HashMap<>();
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer layer = network.layers().get(l);
            layer.learning().ifPresent(rule -> offsets.put(network.layers().indexOf(layer),
                    java.util.stream.IntStream.range(0, layer.neurons()).map(rule::thresholdOffset).toArray()));
        }
        long frame = 0;
        for (int[] codes : frames(network, seed)) {
            Trace trace = run.trace(codes, true);
            frame++;
            for (Map.Entry<Integer, int[]> e : offsets.entrySet()) {
                Stdp.Homeostasis h = network.layers().get(e.getKey()).learning().orElseThrow().homeostasis().orElseThrow();
                int[] expected = e.getValue();
                for (int[] step : trace.layers().get(e.getKey()).spikes()) {
                    for (int j = 0; j < step.length; j++) {
                        if (step[j] == 1) {
                            expected[j] = Math.min(h.limit(), expected[j] + h.step());
                        }
                    }
                }
                if (frame % h.decayFrames() == 0) {
                    for (int j = 0; j < expected.length; j++) {
                        expected[j] = Math.max(0, expected[j] - 1);
                    }
                }
                Stdp learned = run.network().layers().get(e.getKey()).learning().orElseThrow();
                for (int j = 0; j < expected.length; j++) {
                    assertThat(learned.thresholdOffset(j)).as("offset of neuron %d after frame %d", j, frame)
                            .isEqualTo(expected[j]);
                }
            }
        }
        // a fresh run of the learned network, learning off, is the same as the run's own learning-off frame
        int[] codes = frames(network, seed)[0];
        assertThat(GoldenModel.of(run.network()).run(codes).layerCounts())
                .isDeepEqualTo(run.frame(codes, false).layerCounts());
    }

    /** With probabilities 0 and no winner-take-all nothing can change: learning on computes the plain frame. */
    @Property(tries = 150)
    void learningOnWithoutUpdateBitsIsThePlainNetwork(@ForAll long seed) {
        Network network = RandomNetworks.learningSeeded(seed);
        Network silent = network.withLayers(network.layers().stream().map(l -> l.learning()
                .map(rule -> l.withLearning(rule.withProbabilities(rule.probabilityBits(), 0, 0).withWta(false)))
                .orElse(l)).toList());
        GoldenModel plain = GoldenModel.of(RandomNetworks.withoutLearning(network));
        LearningRun run = LearningRun.of(silent);
        for (int[] codes : frames(network, seed)) {
            Trace trace = run.trace(codes, true);
            sameTrace(trace, plain.trace(codes));
            assertThat(trace.weightUpdates()).isEmpty();
        }
    }

    @Property(tries = 300)
    void everyUpdateObeysTheRule(@ForAll long seed) {
        Network network = RandomNetworks.learningSeeded(seed);
        LearningRun run = LearningRun.of(network);
        Map<String, int[][]> codes = new HashMap<>();
        Map<String, Stdp> rules = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer layer = network.layers().get(l);
            if (layer.learns()) {
                codes.put(layer.name(), layer.weights().toArray());
                rules.put(layer.name(), layer.learning().orElseThrow());
                index.put(layer.name(), l);
            }
        }
        for (int[] frame : frames(network, seed)) {
            Trace trace = run.trace(frame, true);
            Set<List<Integer>> seen = new HashSet<>();
            for (Trace.WeightUpdate u : trace.weightUpdates()) {
                Stdp rule = rules.get(u.layer());
                assertThat(rule).as("only learning layers update").isNotNull();
                assertThat(seen.add(List.of(index.get(u.layer()), u.step(), u.neuron(), u.input())))
                        .as("at most one update per weight and step").isTrue();
                int[][] w = codes.get(u.layer());
                assertThat(u.oldCode()).as("updates chain: old is the current code").isEqualTo(w[u.neuron()][u.input()]);
                int expected = u.potentiation() ? Math.min(rule.max(), u.oldCode() + rule.step())
                        : Math.max(rule.min(), u.oldCode() - rule.step());
                assertThat(u.newCode()).isEqualTo(expected).isBetween(rule.min(), rule.max());
                int[][] spikes = trace.layers().get(index.get(u.layer())).spikes();
                assertThat(spikes[u.step()][u.neuron()]).as("an update only at a post spike").isEqualTo(1);
                w[u.neuron()][u.input()] = u.newCode();
            }
            for (Map.Entry<String, int[][]> e : codes.entrySet()) {
                IntMatrix now = run.weights(e.getKey());
                assertThat(now).isEqualTo(IntMatrix.of(e.getValue()));
                Stdp rule = rules.get(e.getKey());
                for (int[] row : now.toArray()) {
                    for (int w : row) {
                        assertThat(w).isBetween(rule.min(), rule.max());
                    }
                }
                if (rule.wta()) {
                    for (int[] step : trace.layers().get(index.get(e.getKey())).spikes()) {
                        assertThat(java.util.Arrays.stream(step).sum()).as("winner-take-all").isLessThanOrEqualTo(1);
                    }
                }
            }
        }
        // the learned network (valid, or constructing it would throw) holds the learned codes
        for (Map.Entry<String, int[][]> e : codes.entrySet()) {
            assertThat(run.network().layers().get(index.get(e.getKey())).weights()).isEqualTo(IntMatrix.of(e.getValue()));
        }
    }

    @Property(tries = 100)
    void theSameFramesGiveTheSameWeights(@ForAll long seed) {
        Network network = RandomNetworks.learningSeeded(seed);
        int[][] frames = frames(network, seed);
        LearningRun first = LearningRun.of(network);
        LearningRun second = LearningRun.of(network);
        List<Trace.WeightUpdate> a = new ArrayList<>();
        List<Trace.WeightUpdate> b = new ArrayList<>();
        for (int[] codes : frames) {
            a.addAll(first.trace(codes, true).weightUpdates());
            b.addAll(second.trace(codes, true).weightUpdates());
        }
        assertThat(b).isEqualTo(a);
        assertThat(second.network()).isEqualTo(first.network());
        // frame() learns as trace() does, and reset() is a fresh run
        first.reset();
        for (int[] codes : frames) {
            first.frame(codes, true);
        }
        assertThat(first.network()).isEqualTo(second.network());
    }

    /** The properties above are not vacuous: over these seeds the runs update, clamp and pick winners. */
    @Test
    void randomLearningNetworksDoLearn() {
        int updates = 0;
        int clamped = 0;
        int down = 0;
        int contested = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Network network = RandomNetworks.learningSeeded(seed);
            LearningRun run = LearningRun.of(network);
            for (int[] codes : frames(network, seed)) {
                Trace trace = run.trace(codes, true);
                for (Trace.WeightUpdate u : trace.weightUpdates()) {
                    updates++;
                    clamped += u.oldCode() == u.newCode() ? 1 : 0;
                    down += u.potentiation() ? 0 : 1;
                }
                Trace off = LearningRun.of(RandomNetworks.withoutInhibition(run.network())).trace(codes, false);
                for (int l = 0; l < network.layers().size(); l++) {
                    if (network.layers().get(l).learning().map(Stdp::wta).orElse(false)) {
                        for (int[] step : off.layers().get(l).spikes()) {
                            contested += java.util.Arrays.stream(step).sum() > 1 ? 1 : 0;
                        }
                    }
                }
            }
        }
        int raised = 0;
        int decayed = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Network network = RandomNetworks.adaptiveSeeded(seed);
            LearningRun run = LearningRun.of(network);
            for (int[] codes : frames(network, seed)) {
                Network before = run.network();
                Trace trace = run.trace(codes, true);
                for (int l = 0; l < network.layers().size(); l++) {
                    Optional<Stdp> was = before.layers().get(l).learning();
                    Optional<Stdp> now = run.network().layers().get(l).learning();
                    for (int j = 0; was.isPresent() && j < network.layers().get(l).neurons(); j++) {
                        int spikes = 0;
                        for (int[] step : trace.layers().get(l).spikes()) {
                            spikes += step[j];
                        }
                        raised += now.orElseThrow().thresholdOffset(j) > was.get().thresholdOffset(j) ? 1 : 0;
                        decayed += spikes == 0 && now.orElseThrow().thresholdOffset(j) < was.get().thresholdOffset(j) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(raised).as("offsets raised by spikes").isGreaterThan(50);
        assertThat(decayed).as("offsets that decayed").isGreaterThan(20);
        assertThat(updates).isGreaterThan(500);
        assertThat(clamped).isGreaterThan(10);
        assertThat(down).isGreaterThan(100);
        assertThat(contested).as("steps where several neurons would spike without winner-take-all").isGreaterThan(10);
    }
}
