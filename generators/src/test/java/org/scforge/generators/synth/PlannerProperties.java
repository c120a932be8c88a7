package org.scforge.generators.synth;

import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.ExampleNetwork;
import org.scforge.generators.Fold;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's block-RAM count by shape, and what a chosen plan promises (docs/rtl.md, "Choosing the plan"). */
class PlannerProperties {

    @Test
    void blockRamsAreCountedInTheirBestShape() {
        // iCE40: 256 x 16; a 128-deep ROM uses half of each block
        assertThat(Target.ICE40_UP5K.bramsFor(128, 467)).isEqualTo(30);
        assertThat(Target.ICE40_UP5K.bramsFor(256, 242)).isEqualTo(16);
        // 512 x 8 is better for a deep, narrow ROM
        assertThat(Target.ICE40_UP5K.bramsFor(500, 8)).isEqualTo(1);
        // RAMB18: 512 x 36
        assertThat(Target.XC7.bramsFor(32, 467)).isEqualTo(13);
        assertThat(Target.XC7.bramsFor(1000, 18)).isEqualTo(1);
    }

    @Test
    void theExampleFitsTheUp5kFullyParallelAndAMemoryLayerCountsItsRoms() {
        Network example = ExampleNetwork.network();
        Planner.Estimate fastest = Planner.choose(example, Target.ICE40_UP5K, OptionalDouble.empty(), 12).orElseThrow();
        assertThat(fastest.fold().toString()).isEmpty();
        assertThat(fastest.timing().windowCycles()).isEqualTo(1);
        // hidden=1:memory: one lane, 2 words of 3 * 3 + 3 + 3 = 15 bits: one SB_RAM40_4K
        Planner.Estimate memory = Planner.estimate(example, Fold.parse("hidden=1:memory"), Target.ICE40_UP5K);
        assertThat(memory.brams()).isEqualTo(1);
        assertThat(memory.cyclesPerFrame()).isEqualTo(Fold.parse("hidden=1:memory").timing(example).cyclesPerFrame());
    }

    @Property(tries = 40)
    void aChosenPlanIsValidFitsByItsEstimateAndReachesTheRate(@ForAll long seed,
                                                              @ForAll @DoubleRange(min = 1e3, max = 1e7) double fps) {
        Network network = RandomNetworks.seeded(seed);
        for (Target target : Target.values()) {
            Planner.choose(network, target, OptionalDouble.empty(), target.boardClockMhz()).ifPresent(plan -> {
                assertThat(plan.fold().validate(network)).isEqualTo(plan.fold());
                assertThat(plan.fits(target)).isTrue();
                assertThat(plan.timing()).isEqualTo(plan.fold().timing(network));
                assertThat(Planner.estimate(network, plan.fold(), target)).isEqualTo(plan);
            });
            Planner.choose(network, target, OptionalDouble.of(fps), 50).ifPresent(plan -> {
                assertThat(plan.fits(target)).isTrue();
                assertThat(plan.framesPerSecond(50)).isGreaterThanOrEqualTo(fps);
            });
        }
    }
}
