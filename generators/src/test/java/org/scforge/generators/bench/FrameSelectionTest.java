package org.scforge.generators.bench;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.TestFrames;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame rule of docs/rtl.md, "Frames": its worked example, and the model's frames before random ones. */
class FrameSelectionTest {

    private static Network twoInputs(Code code) {
        return Network.named("n").inputs(2, code).dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void theDocumentedRandomCodesAtSeedOne() {
        FrameSelection unsigned = FrameSelection.of(ModelDocument.of(twoInputs(Code.unsigned(3))), 3, 1);
        assertThat(unsigned.codes()).isDeepEqualTo(new int[][] {{5, 5}, {2, 3}, {7, 0}});
        assertThat(unsigned.fromModel()).isZero();
        assertThat(unsigned.origin()).isEqualTo("3 seeded random frames (seed 1; the model has no test frames)");
        FrameSelection signed = FrameSelection.of(ModelDocument.of(twoInputs(Code.signMagnitude(3))), 3, 1);
        assertThat(signed.codes()).isDeepEqualTo(new int[][] {{4, 5}, {-6, 0}, {-1, 5}});
    }

    @Test
    void theModelsFramesComeFirstThenRandomOnes() {
        Network net = twoInputs(Code.unsigned(3));
        TestFrames frames = new TestFrames(List.of(List.of(1, 2), List.of(3, 4)), List.of(0, -1));
        ModelDocument document = new ModelDocument(net, Optional.of(frames), Map.of());
        FrameSelection five = FrameSelection.of(document, 5, 1);
        assertThat(five.codes()).isDeepEqualTo(new int[][] {{1, 2}, {3, 4}, {5, 5}, {2, 3}, {7, 0}});
        assertThat(five.fromModel()).isEqualTo(2);
        assertThat(five.origin()).isEqualTo("the model's 2 test frames and 3 seeded random frames (seed 1)");
        FrameSelection one = FrameSelection.of(document, 1, 9);
        assertThat(one.codes()).isDeepEqualTo(new int[][] {{1, 2}});
        assertThat(one.origin()).isEqualTo("1 of the model's 2 test frames");
        // the test benches use the same frames
        assertThat(TestVectors.of(document, 5).codes()).isDeepEqualTo(five.codes());
    }
}
