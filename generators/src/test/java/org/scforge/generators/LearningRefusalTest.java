package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Stdp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No learning RTL exists yet (issue 16): the generators refuse a learning network in one line, and nothing else. */
class LearningRefusalTest {

    private static Network learner() {
        return Network.named("learner").inputs(4, Code.unsigned(3)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("features", 3, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("learn_features", 4, 3, 5, 2,
                        1, -7, 7))
                .dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void aLearningNetworkIsRefusedInOneLine() {
        String why = "network 'learner' has a learning layer ('features'), for which no RTL is generated yet (issue 16);"
                + " remove the layer's \"learning\" object to generate the network with its weights frozen"
                + " (docs/semantics.md, section 12)";
        assertThatThrownBy(() -> Generators.verilog(learner())).isInstanceOf(IllegalArgumentException.class).hasMessage(why);
        assertThatThrownBy(() -> Generators.verilog(ModelDocument.of(learner()))).hasMessage(why);
    }

    @Test
    void theSameNetworkWithoutItsRuleIsGenerated() {
        Network learner = learner();
        Network frozen = learner.withLayers(learner.layers().stream().map(l -> l.withLearning(null)).toList());
        assertThatCode(() -> Generators.verilog(frozen)).doesNotThrowAnyException();
        assertThat(frozen.layers()).extracting(l -> l.learns()).isEqualTo(List.of(false, false));
    }
}
