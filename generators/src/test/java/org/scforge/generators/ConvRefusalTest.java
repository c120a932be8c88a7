package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conv layers run in the golden model only (docs/semantics.md section 11): no RTL, plan or estimate pretends otherwise. */
class ConvRefusalTest {

    private static final Network CONV = Network.named("n").image(4, 4, 1, Code.unsigned(3)).weights(3).bitstream(8)
            .conv("c1", 2, 2, 2, 0, Neuron.integrateAndFire(2)).dense("out", 2, Neuron.counter()).build();
    private static final String WHY = "network 'n' has conv or pool layers (c1); the golden model runs them, but no RTL is"
            + " generated for them yet (issue 15)";

    @Test
    void generatorsPlannerAndEstimatesRefuseConvLayers() {
        assertThatThrownBy(() -> Generators.verilog(CONV)).isInstanceOf(IllegalArgumentException.class).hasMessage(WHY);
        assertThatThrownBy(() -> Planner.choose(CONV, Target.XC7, OptionalDouble.empty(), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(WHY);
        assertThatThrownBy(() -> Planner.estimate(CONV, Fold.none(), Target.XC7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(WHY);
    }
}
