package org.scforge.sim.learn;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.IntMatrix;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels from responses, the prediction by class means, and the readout weights that encode them. */
class LabelAssignmentTest {

    /** Five neurons, three classes, six labelled frames: neuron 4 never spikes. */
    static final int[][] COUNTS = {
            {5, 0, 1, 0, 0}, // class 0
            {3, 0, 0, 0, 0}, // class 0
            {0, 4, 2, 0, 0}, // class 1
            {0, 2, 0, 0, 0}, // class 1
            {1, 0, 0, 6, 0}, // class 2
            {0, 1, 0, 2, 0}, // class 2
    };
    static final int[] LABELS = {0, 0, 1, 1, 2, 2};

    @Test
    void eachNeuronTakesTheClassOfItsHighestMeanResponse() {
        LabelAssignment a = LabelAssignment.of(COUNTS, LABELS, 3);
        // neuron 2: mean 0.5 for class 0, 1.0 for class 1
        assertThat(a.classOf()).containsExactly(0, 1, 1, 2, LabelAssignment.NONE);
        assertThat(a.neuronsPerClass()).containsExactly(1, 2, 1);
    }

    @Test
    void aFrameTakesTheClassWhoseNeuronsSpikeMostOnAverage() {
        LabelAssignment a = LabelAssignment.of(COUNTS, LABELS, 3);
        // class 0: 4; class 1: (3 + 3) / 2 = 3; class 2: 1
        assertThat(a.predict(new int[] {4, 3, 3, 1, 9})).isEqualTo(0);
        // class 1: (6 + 0) / 2 = 3 beats class 0's 2; the silent neuron 4 counts for nothing
        assertThat(a.predict(new int[] {2, 6, 0, 0, 50})).isEqualTo(1);
        // all zero: ties to class 0
        assertThat(a.predict(new int[5])).isEqualTo(0);
    }

    @Test
    void theReadoutWeightsEncodeTheAssignmentNormalisedByClassSize() {
        IntMatrix w = LabelAssignment.of(COUNTS, LABELS, 3).readoutWeights(15);
        // classes 0 and 2 have one neuron (the fewest): 15; class 1 has two: round(15 / 2) = 8; neuron 4: nothing
        assertThat(w.toArray()).isDeepEqualTo(new int[][] {
                {15, 0, 0, 0, 0},
                {0, 8, 8, 0, 0},
                {0, 0, 0, 15, 0},
        });
    }
}
