package org.scforge.sim;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Stdp;

import java.util.Arrays;
import java.util.List;

/**
 * One learning layer while it learns (docs/semantics.md, section 12.3): its weight codes and threshold offsets,
 * which it changes in place and keeps from frame to frame, and its pre ages, which every frame starts afresh.
 * It does the steps of a frame one at a time, because step {@code t + 1} reads the codes step {@code t} wrote.
 * Not thread safe: it belongs to one {@link LearningRun}.
 */
final class StdpLayer {

    private final DenseLayer layer;
    private final Stdp rule;
    private final NeuronModel.IntegrateAndFire neuron;
    /** The current weight codes, {@code [neuron][input]}. */
    private final int[][] codes;
    /** The current threshold offsets (section 12.5), one per neuron; all 0 without homeostasis. */
    private final int[] offsets;
    /** Per step, the top {@code kp} bits of the learning source. */
    private final int[] learningNumbers;
    /** Per neuron and input, the update bit's mask {@code (neuronMasks[j] ^ inputMasks[i]) mod 2^kp}. */
    private final int[][] masks;
    private final int[] ages;

    StdpLayer(Network network, DenseLayer layer) {
        this.layer = layer;
        this.rule = layer.learning().orElseThrow();
        this.neuron = (NeuronModel.IntegrateAndFire) layer.neuron();
        this.codes = layer.weights().toArray();
        this.offsets = offsets(rule, layer.neurons());
        Source source = network.source(rule.source()).orElseThrow();
        this.learningNumbers = SourceSequence.top(SourceSequence.values(source, network.length()), source.width(),
                rule.probabilityBits());
        int fanIn = layer.fanIn();
        this.masks = new int[layer.neurons()][fanIn];
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < fanIn; i++) {
                masks[j][i] = rule.updateMask(layer.plan().neuronMasks().get(j), layer.plan().inputMasks().get(i));
            }
        }
        this.ages = new int[fanIn];
    }

    /** The rule's stored threshold offsets, one per neuron (0 without homeostasis or without stored offsets). */
    static int[] offsets(Stdp rule, int neurons) {
        int[] offsets = new int[neurons];
        for (int j = 0; j < neurons; j++) {
            offsets[j] = rule.thresholdOffset(j);
        }
        return offsets;
    }

    String name() {
        return layer.name();
    }

    /** The codes as they are now, {@code [neuron][input]}; the caller must not change them. */
    int[][] codes() {
        return codes;
    }

    /** The threshold offsets as they are now, one per neuron (all 0 without homeostasis); the caller must not change them. */
    int[] offsets() {
        return offsets;
    }

    /** The rule with the offsets learned so far (section 12.5), what a model file of the run stores. */
    Stdp learnedRule() {
        return rule.homeostasis().map(h -> rule.withHomeostasis(h.withOffsets(
                java.util.Arrays.stream(offsets).boxed().toList()))).orElse(rule);
    }

    /** Frame start: no input fired recently (section 12.3, step 1). The codes and offsets stay. */
    void startFrame() {
        Arrays.fill(ages, rule.window());
    }

    /**
     * Step {@code t} with learning on (section 12.3, steps 1 to 5): ages from the input bits {@code x}, then,
     * with the sums {@code sums} already computed from the codes at the start of the step, the membranes
     * {@code v} and the spikes ({@link #fire}), then the updates of the neurons that spiked, appended to
     * {@code updates}, and their offsets raised (section 12.5). Returns the spikes, one per neuron.
     */
    int[] step(int t, int[] x, int[] sums, long[] v, List<Trace.WeightUpdate> updates) {
        for (int i = 0; i < ages.length; i++) {
            ages[i] = x[i] == 1 ? 0 : Math.min(rule.window(), ages[i] + 1);
        }
        int[] spikes = fire(neuron, rule.wta(), offsets, sums, v);
        int r = learningNumbers[t];
        for (int j = 0; j < spikes.length; j++) {
            if (spikes[j] == 0) {
                continue;
            }
            for (int i = 0; i < ages.length; i++) {
                boolean potentiation = ages[i] < rule.window();
                int probability = potentiation ? rule.pPlus() : rule.pMinus();
                if (probability > (r ^ masks[j][i])) {
                    int old = codes[j][i];
                    codes[j][i] = rule.updated(old, potentiation);
                    updates.add(new Trace.WeightUpdate(layer.name(), t, j, i, old, codes[j][i], potentiation));
                }
            }
            int raised = j;
            rule.homeostasis().ifPresent(h -> offsets[raised] = Math.min(h.limit(), offsets[raised] + h.step()));
        }
        return spikes;
    }

    /** The end of the learning frame that is the {@code frames}-th since the run began: every offset may decay. */
    void endLearningFrame(long frames) {
        rule.homeostasis().filter(h -> frames % h.decayFrames() == 0).ifPresent(h -> {
            for (int j = 0; j < offsets.length; j++) {
                offsets[j] = Math.max(0, offsets[j] - 1);
            }
        });
    }

    /**
     * The spikes and membranes of a layer with a rule, learning on or off (sections 12.4 and 12.5): neuron
     * {@code j} fires at {@code threshold + offsets[j]}; without {@code wta} each neuron on its own, as section 6
     * says; with it, only the winner.
     */
    static int[] fire(NeuronModel.IntegrateAndFire neuron, boolean wta, int[] offsets, int[] sums, long[] v) {
        return wta ? winnerTakesAll(neuron, offsets, sums, v) : independent(neuron, offsets, sums, v);
    }

    /** Section 6 for every neuron, each on its own, at its own threshold. */
    private static int[] independent(NeuronModel.IntegrateAndFire neuron, int[] offsets, int[] sums, long[] v) {
        int[] spikes = new int[sums.length];
        for (int j = 0; j < sums.length; j++) {
            long u = membrane(neuron, v[j], sums[j]);
            long threshold = (long) neuron.threshold() + offsets[j];
            if (u >= threshold) {
                spikes[j] = 1;
                u -= threshold;
            }
            v[j] = clamp(neuron, u);
        }
        return spikes;
    }

    /**
     * Section 12.4: of the neurons whose {@code u} reaches their threshold, the one with the largest {@code u}
     * (ties to the lowest index) alone spikes and is reset; every other membrane goes to the floor. With none
     * at the threshold, the membranes are clamped as usual.
     */
    private static int[] winnerTakesAll(NeuronModel.IntegrateAndFire neuron, int[] offsets, int[] sums, long[] v) {
        int n = sums.length;
        long[] u = new long[n];
        int winner = -1;
        for (int j = 0; j < n; j++) {
            u[j] = membrane(neuron, v[j], sums[j]);
            if (u[j] >= (long) neuron.threshold() + offsets[j] && (winner < 0 || u[j] > u[winner])) {
                winner = j;
            }
        }
        int[] spikes = new int[n];
        for (int j = 0; j < n; j++) {
            if (winner < 0) {
                v[j] = clamp(neuron, u[j]);
            } else if (j == winner) {
                spikes[j] = 1;
                v[j] = clamp(neuron, u[j] - neuron.threshold() - offsets[j]);
            } else {
                v[j] = neuron.floor();
            }
        }
        return spikes;
    }

    /** {@code u = v - leak + S} (section 6). */
    private static long membrane(NeuronModel.IntegrateAndFire neuron, long v, int sum) {
        long leak = neuron.leakShift() == 0 ? 0 : v >> neuron.leakShift();
        return v - leak + sum;
    }

    private static long clamp(NeuronModel.IntegrateAndFire neuron, long u) {
        return Math.max(neuron.floor(), Math.min(neuron.ceiling(), u));
    }
}
