package org.scforge.sim;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Stdp;

import java.util.Arrays;
import java.util.List;

/**
 * One learning layer while it learns (docs/semantics.md, section 12.3): its weight codes, which it changes in
 * place and keeps from frame to frame, and its pre ages, which every frame starts afresh. It does the steps
 * of a frame one at a time, because step {@code t + 1} reads the codes step {@code t} wrote. Not thread safe:
 * it belongs to one {@link LearningRun}.
 */
final class StdpLayer {

    private final DenseLayer layer;
    private final Stdp rule;
    private final NeuronModel.IntegrateAndFire neuron;
    /** The current weight codes, {@code [neuron][input]}. */
    private final int[][] codes;
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

    String name() {
        return layer.name();
    }

    /** The codes as they are now, {@code [neuron][input]}; the caller must not change them. */
    int[][] codes() {
        return codes;
    }

    /** Frame start: no input fired recently (section 12.3, step 1). The codes stay. */
    void startFrame() {
        Arrays.fill(ages, rule.window());
    }

    /**
     * Step {@code t} (section 12.3, steps 1 to 5): ages from the input bits {@code x}, then, with the sums
     * {@code sums} already computed from the codes at the start of the step, the membranes {@code v} and the
     * spikes (winner-take-all if the rule says so), then the updates of the neurons that spiked, appended to
     * {@code updates}. Returns the spikes, one per neuron.
     */
    int[] step(int t, int[] x, int[] sums, long[] v, List<Trace.WeightUpdate> updates) {
        for (int i = 0; i < ages.length; i++) {
            ages[i] = x[i] == 1 ? 0 : Math.min(rule.window(), ages[i] + 1);
        }
        int[] spikes = rule.wta() ? winnerTakesAll(sums, v) : independent(sums, v);
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
        }
        return spikes;
    }

    /** Section 6 for every neuron, each on its own. */
    private int[] independent(int[] sums, long[] v) {
        int[] spikes = new int[sums.length];
        for (int j = 0; j < sums.length; j++) {
            spikes[j] = ReferenceSimulator.step(neuron, v, j, sums[j]);
        }
        return spikes;
    }

    /**
     * Section 12.4: of the neurons whose {@code u} reaches the threshold, the one with the largest {@code u}
     * (ties to the lowest index) alone spikes and is reset; every other membrane goes to the floor. With none
     * at the threshold, the membranes are clamped as usual.
     */
    private int[] winnerTakesAll(int[] sums, long[] v) {
        int n = sums.length;
        long[] u = new long[n];
        int winner = -1;
        for (int j = 0; j < n; j++) {
            long leak = neuron.leakShift() == 0 ? 0 : v[j] >> neuron.leakShift();
            u[j] = v[j] - leak + sums[j];
            if (u[j] >= neuron.threshold() && (winner < 0 || u[j] > u[winner])) {
                winner = j;
            }
        }
        int[] spikes = new int[n];
        for (int j = 0; j < n; j++) {
            if (winner < 0) {
                v[j] = clamp(u[j]);
            } else if (j == winner) {
                spikes[j] = 1;
                v[j] = clamp(u[j] - neuron.threshold());
            } else {
                v[j] = neuron.floor();
            }
        }
        return spikes;
    }

    private long clamp(long u) {
        return Math.max(neuron.floor(), Math.min(neuron.ceiling(), u));
    }
}
