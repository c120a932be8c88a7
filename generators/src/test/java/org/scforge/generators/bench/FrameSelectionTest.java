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

/** The frame rule of docs/rtl.md, "Frames": its worked example; the model's frames, then corners, then random ones. */
class FrameSelectionTest {

    private static Network twoInputs(Code code) {
        return Network.named("n").inputs(2, code).dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void theDocumentedCornerAndRandomFramesAtSeedOne() {
        FrameSelection unsigned = FrameSelection.of(ModelDocument.of(twoInputs(Code.unsigned(3))), 6, 1);
        // corners: all largest, all smallest (all zero is the same frame for u3), the two alternations
        assertThat(unsigned.codes()).isDeepEqualTo(new int[][] {{7, 7}, {0, 0}, {7, 0}, {0, 7}, {5, 5}, {2, 3}});
        assertThat(unsigned.fromModel()).isZero();
        assertThat(unsigned.origin()).isEqualTo("4 corner frames and 2 seeded random frames (seed 1); the model has no test frames");
        FrameSelection signed = FrameSelection.of(ModelDocument.of(twoInputs(Code.signMagnitude(3))), 7, 1);
        assertThat(signed.codes()).isDeepEqualTo(new int[][] {{7, 7}, {-7, -7}, {0, 0}, {7, -7}, {-7, 7}, {4, 5}, {-6, 0}});
        assertThat(FrameSelection.of(ModelDocument.of(twoInputs(Code.unsigned(3))), 3, 1).origin())
                .isEqualTo("3 corner frames; the model has no test frames");
    }

    @Test
    void theModelsFramesComeFirstThenCornersThenRandomOnes() {
        Network net = twoInputs(Code.unsigned(3));
        TestFrames frames = new TestFrames(List.of(List.of(1, 2), List.of(3, 4)), List.of(0, -1));
        ModelDocument document = new ModelDocument(net, Optional.of(frames), Map.of());
        FrameSelection eight = FrameSelection.of(document, 8, 1);
        assertThat(eight.codes()).isDeepEqualTo(new int[][] {{1, 2}, {3, 4}, {7, 7}, {0, 0}, {7, 0}, {0, 7}, {5, 5}, {2, 3}});
        assertThat(eight.fromModel()).isEqualTo(2);
        assertThat(eight.origin()).isEqualTo("the model's 2 test frames, 4 corner frames and 2 seeded random frames (seed 1)");
        assertThat(FrameSelection.of(document, 5, 1).origin()).isEqualTo("the model's 2 test frames and 3 corner frames");
        FrameSelection one = FrameSelection.of(document, 1, 9);
        assertThat(one.codes()).isDeepEqualTo(new int[][] {{1, 2}});
        assertThat(one.origin()).isEqualTo("1 of the model's 2 test frames");
        // the test benches use the same frames
        assertThat(TestVectors.of(document, 8).codes()).isDeepEqualTo(eight.codes());
    }

    @Test
    void aSingleInputHasTwoCornersAndNoneIsRepeated() {
        Network one = Network.named("n").inputs(1, Code.signMagnitude(2)).dense("out", 2, Neuron.counter()).build();
        assertThat(FrameSelection.corners(one)).containsExactly(new int[] {3}, new int[] {-3}, new int[] {0});
    }
}
