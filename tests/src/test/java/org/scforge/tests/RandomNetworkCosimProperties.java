package org.scforge.tests;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.scforge.dsl.Network;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimFrames;
import org.scforge.harness.CosimReport;
import org.scforge.harness.Designs;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;
import org.scforge.tests.designs.RandomNetworks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random networks (sizes, widths, signedness, LFSR / van der Corput / Sobol sources, seeds, leak) agree
 * with the golden model in every spike, membrane and count at every step, in Verilator; a few in Icarus.
 */
class RandomNetworkCosimProperties {

    private static final int FRAMES = 4;

    @Property(tries = 50, shrinking = ShrinkingMode.OFF)
    void verilatorAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.VERILATOR);
    }

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void icarusAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.ICARUS);
    }

    private static void check(long seed, Simulator simulator) {
        ToolPolicy.require(simulator);
        Network network = RandomNetworks.of(seed);
        CosimReport report = Cosim.of(network, Designs.generate(network, true)).simulator(simulator).trace(true)
                .run(CosimFrames.random(network, FRAMES, seed));
        report.assertPassed();
        // every frame: done edge, counts, class, and every traced value of every step
        assertThat(report.valuesCompared()).as(network.summary()).isGreaterThanOrEqualTo(
                (long) FRAMES * network.length() * network.classes());
    }
}
