package org.scforge.sim;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Synapse;

import java.util.ArrayList;
import java.util.List;

/**
 * The golden model written as plainly as docs/semantics.md reads: one step at a time, one synapse at a
 * time, every value recorded. It is the trace path; the fast batch engine is held equal to it by tests.
 */
public final class ReferenceSimulator {

    private final Network network;
    /** Per step, the top bits each input SNG compares with, before its mask. */
    private final int[] inputNumbers;
    /** Per layer, per step, the top bits the layer's weight SNGs compare with, before masks. */
    private final int[][] weightNumbers;

    public ReferenceSimulator(Network network) {
        this.network = network;
        int length = network.length();
        Source in = network.source(network.inputPlan().source()).orElseThrow();
        this.inputNumbers = SourceSequence.top(SourceSequence.values(in, length), in.width(),
                network.inputSynapse().comparedBits(network.inputCode().magnitudeBits()));
        this.weightNumbers = new int[network.layers().size()][];
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer layer = network.layers().get(l);
            Source w = network.source(layer.plan().source()).orElseThrow();
            weightNumbers[l] = SourceSequence.top(SourceSequence.values(w, length), w.width(),
                    layer.synapse().comparedBits(network.weightBits()));
        }
    }

    public Network network() {
        return network;
    }

    /** Runs one frame of input codes and records every step. */
    public Trace run(int[] codes) {
        if (codes.length != network.inputs()) {
            throw new IllegalArgumentException("a frame has " + codes.length + " codes, the network has "
                    + network.inputs() + " inputs");
        }
        int length = network.length();
        List<Integer> inputMasks = network.inputPlan().masks();
        Synapse inputSynapse = network.inputSynapse();
        int inputBits = network.inputCode().magnitudeBits();
        int weightBits = network.weightBits();
        // bits[t][i] and signs[i] of the current layer's inputs
        int fanIn = network.inputs();
        int[][] bits = new int[length][fanIn];
        int[] signs = new int[fanIn];
        for (int i = 0; i < fanIn; i++) {
            if (!network.inputCode().accepts(codes[i])) {
                throw new IllegalArgumentException("code " + codes[i] + " of input " + i + " does not fit "
                        + network.inputCode().shortName());
            }
            // |c| with the sign apart (and), or the offset code c + 2^k whose stream carries the sign (xnor)
            int compared = inputSynapse.comparedCode(codes[i], inputBits);
            signs[i] = inputSynapse == Synapse.AND && codes[i] < 0 ? -1 : 1;
            for (int t = 0; t < length; t++) {
                bits[t][i] = compared > (inputNumbers[t] ^ inputMasks.get(i)) ? 1 : 0;
            }
        }
        List<Trace.LayerTrace> traces = new ArrayList<>();
        int[] counts = null;
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer layer = network.layers().get(l);
            int n = layer.neurons();
            int[][] sums = new int[length][n];
            int[][] spikes = new int[length][n];
            long[][] state = new long[length][n];
            long[] v = new long[n];
            for (int t = 0; t < length; t++) {
                int r = weightNumbers[l][t];
                for (int j = 0; j < n; j++) {
                    int rowMask = layer.plan().neuronMasks().get(j);
                    int sum = 0;
                    for (int i = 0; i <= fanIn; i++) {
                        int w = i < fanIn ? layer.weights().get(j, i) : layer.bias().get(j);
                        int x = i < fanIn ? bits[t][i] : 1;
                        int wBit = layer.synapse().comparedCode(w, weightBits)
                                > (r ^ rowMask ^ layer.plan().inputMasks().get(i)) ? 1 : 0;
                        if (layer.isXnor()) {
                            sum += x == wBit ? 1 : -1; // bipolar: agree +1, differ -1 (section 5.2)
                        } else if ((x & wBit) == 1) {
                            int sign = (w < 0 ? -1 : 1) * (i < fanIn ? signs[i] : 1);
                            sum += sign;
                        }
                    }
                    sums[t][j] = sum;
                    if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
                        long leak = f.leakShift() == 0 ? 0 : v[j] >> f.leakShift();
                        long u = v[j] - leak + sum;
                        if (u >= f.threshold()) {
                            spikes[t][j] = 1;
                            u -= f.threshold();
                        }
                        v[j] = Math.max(f.floor(), Math.min(f.ceiling(), u));
                    } else {
                        v[j] += sum;
                    }
                    state[t][j] = v[j];
                }
            }
            traces.add(new Trace.LayerTrace(layer.name(), sums, spikes, state));
            if (layer.isReadout()) {
                counts = new int[n];
                for (int j = 0; j < n; j++) {
                    counts[j] = (int) v[j];
                }
            }
            bits = spikes;
            signs = new int[n];
            java.util.Arrays.fill(signs, 1);
            fanIn = n;
        }
        return new Trace(traces, counts, Readout.argmax(counts));
    }
}
