package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One step of a learning layer (docs/semantics.md sections 12.3 and 12.4) on the hidden layer of the worked
 * example (threshold 2, floor -2, ceiling 1, window 2, pPlus 3, pMinus 1, step 1, bounds -3..3, wta), with chosen
 * sums and membranes: the cases the worked example does not reach.
 */
class StdpLayerTest {

    private static StdpLayer layer(int[][] weights) {
        Network example = StdpSemanticsExampleTest.example();
        DenseLayer hidden = example.layers().get(0).withWeights(IntMatrix.of(weights), List.of(0, 0));
        Network network = example.withLayers(List.of(hidden, example.layers().get(1)));
        StdpLayer layer = new StdpLayer(network, network.layers().get(0));
        layer.startFrame();
        return layer;
    }

    @Test
    void aTieGoesToTheLowestIndex() {
        long[] v = {1, 1};
        List<Trace.WeightUpdate> updates = new ArrayList<>();
        // step 1: the learning number is 2, so no update bit fires (3 > 2 ^ m fails for m = 1, 1 > 2 ^ 0 fails)
        assertThat(layer(new int[][] {{1, 2}, {2, -1}}).step(1, new int[] {0, 0}, new int[] {1, 1}, v, updates))
                .containsExactly(1, 0);
        assertThat(v).containsExactly(0, -2);
    }

    @Test
    void theLargestUWinsAndTheOthersGoToTheFloor() {
        long[] v = {0, 1};
        int[] spikes = layer(new int[][] {{1, 2}, {2, -1}}).step(1, new int[] {0, 0}, new int[] {2, 3}, v, new ArrayList<>());
        assertThat(spikes).containsExactly(0, 1);
        assertThat(v).containsExactly(-2, 1); // the winner: 4 - 2 = 2, clamped to the ceiling 1
    }

    @Test
    void withoutANeuronAtTheThresholdNothingIsInhibited() {
        long[] v = {-2, 0};
        assertThat(layer(new int[][] {{1, 2}, {2, -1}}).step(0, new int[] {1, 1}, new int[] {1, 1}, v, new ArrayList<>()))
                .containsExactly(0, 0);
        assertThat(v).containsExactly(-1, 1);
    }

    @Test
    void anUpdateAtABoundKeepsTheCodeAndIsRecorded() {
        StdpLayer layer = layer(new int[][] {{-3, 3}, {2, -1}});
        List<Trace.WeightUpdate> updates = new ArrayList<>();
        // step 0, learning number 0: input 0 silent (age 2 = window): down, 1 > 0 ^ 0; input 1 fired: up, 3 > 0 ^ 1
        layer.step(0, new int[] {0, 1}, new int[] {2, 0}, new long[2], updates);
        assertThat(updates).containsExactly(
                new Trace.WeightUpdate("hidden", 0, 0, 0, -3, -3, false),
                new Trace.WeightUpdate("hidden", 0, 0, 1, 3, 3, true));
        assertThat(layer.codes()).isDeepEqualTo(new int[][] {{-3, 3}, {2, -1}});
    }

    @Test
    void agesSaturateAtTheWindowAndRestartEachFrame() {
        StdpLayer layer = layer(new int[][] {{0, 0}, {0, 0}});
        List<Trace.WeightUpdate> updates = new ArrayList<>();
        layer.step(0, new int[] {1, 0}, new int[] {0, 0}, new long[2], updates); // input 0 fires: ages 0, 2
        // step 1 (learning number 2): ages 1, 2; neuron 0 spikes: input 0 up (3 > 2 ^ 0), input 1 down fails (1 > 2 ^ 1)
        layer.step(1, new int[] {0, 0}, new int[] {2, 0}, new long[2], updates);
        // step 2 (learning number 1): ages 2, 2, both down: input 0 fails (1 > 1 ^ 0), input 1 fires (1 > 1 ^ 1)
        layer.step(2, new int[] {0, 0}, new int[] {2, 0}, new long[2], updates);
        assertThat(updates).containsExactly(
                new Trace.WeightUpdate("hidden", 1, 0, 0, 0, 1, true),
                new Trace.WeightUpdate("hidden", 2, 0, 1, 0, -1, false));
        // a new frame forgets that input 0 fired: at step 1 it is a depression candidate again, and 1 > 2 fails
        updates.clear();
        layer.step(0, new int[] {1, 0}, new int[] {0, 0}, new long[2], updates);
        layer.startFrame();
        layer.step(1, new int[] {0, 0}, new int[] {2, 0}, new long[2], updates);
        assertThat(updates).isEmpty();
        assertThat(layer.codes()).isDeepEqualTo(new int[][] {{1, -1}, {0, 0}});
    }
}
