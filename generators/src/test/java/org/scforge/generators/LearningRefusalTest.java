package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Stdp;
import org.scforge.generators.board.Board;
import org.scforge.generators.board.SerialLink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A learning network is generated fully parallel (docs/rtl.md, "Learning layers"); what is not generated for it
 * (a folded plan without memory on the learning layer, a board top) is refused in one line naming the reason.
 */
class LearningRefusalTest {

    private static Network learner() {
        return Network.named("learner").inputs(4, Code.unsigned(3)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("features", 3, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("learn_features", 4, 3, 5, 2,
                        1, -7, 7))
                .dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void aLearningNetworkIsGeneratedWithItsLearnAndWeightsPorts() {
        assertThat(Generators.verilog(learner()).files().get("learner.v"))
                .contains("    input  wire                          learn,\n")
                .contains("    output wire [47:0] features_weights,\n");
    }

    @Test
    void aRuleWithHomeostasisIsGeneratedWithItsOffsetsAndFoldingItIsRefusedAsForEveryLearningNetwork() {
        Network plain = learner();
        Network adaptive = plain.withLayers(java.util.List.of(plain.layers().get(0).withLearning(plain.layers().get(0)
                .learning().orElseThrow().withHomeostasis(Stdp.Homeostasis.of(1, 8, 100))), plain.layers().get(1)));
        assertThat(Generators.verilog(adaptive).files().get("learner_layer_features.v"))
                .contains("    input  wire                          learning_frame_ends,\n")
                .contains("    reg [6:0] features_neuron_2_offset;\n");
        assertThatThrownBy(() -> Generators.verilog(adaptive).options(GeneratorOptions.defaults()
                .withFold(Fold.parse("out=1"))).files()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeps a learning layer's weights in memory");
        assertThat(Generators.verilog(adaptive).options(GeneratorOptions.defaults()
                .withFold(Fold.parse("features=2x5:memory,out=1"))).files().get("learner.v"))
                .contains("features_weights_words").contains("features_offsets");
    }

    @Test
    void aFoldedPlanWithoutMemoryForTheLearningLayerIsRefusedInOneLineThatNamesTheFix() {
        assertThatThrownBy(() -> Generators.verilog(learner()).options(GeneratorOptions.defaults()
                .withFold(Fold.parse("out=1"))).files())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fold out=1: layer 'features' of network learner learns, and a folded design keeps a learning"
                        + " layer's weights in memory: give it P[xS]:memory, e.g. features=3:memory (docs/rtl.md,"
                        + " \"Learning layers\")");
        // the layer folded in logic: the suggestion keeps its P and S
        assertThatThrownBy(() -> Fold.parse("features=1x4").validate(learner()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fold features=1x4: layer 'features' of network learner learns, and a folded design keeps a"
                        + " learning layer's weights in memory: give it P[xS]:memory, e.g. features=1x4:memory (docs/rtl.md,"
                        + " \"Learning layers\")");
        // in memory it folds, and so do the other layers
        assertThat(Fold.parse("features=1x4:memory,out=1").validate(learner()).timing(learner()).folded()).isTrue();
    }

    @Test
    void aPlanWithEveryLayerWholeIsTheParallelDesign() {
        assertThat(Generators.verilog(learner()).options(GeneratorOptions.defaults()
                .withFold(Fold.parse("features=3,out=2"))).files())
                .isEqualTo(Generators.verilog(learner()).files());
    }

    @Test
    void aBoardTopIsRefusedInOneLine() {
        assertThatThrownBy(() -> Generators.verilog(learner()).board(SerialLink.of(Board.ICEBREAKER, 115200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network 'learner' has a learning layer ('features'), and scforge makes no board top of a"
                        + " learning network yet (issue 16); generate or co-simulate it as it is, or remove the layer's"
                        + " \"learning\" object to freeze its weights (docs/rtl.md, \"Learning layers\")");
    }
}
