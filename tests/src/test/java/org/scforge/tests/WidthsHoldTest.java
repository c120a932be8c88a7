package org.scforge.tests;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.RandomNetworks;
import org.scforge.dsl.Widths;
import org.scforge.sim.ReferenceSimulator;
import org.scforge.sim.Trace;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widths derived from the structure hold every value the golden model produces: for random
 * networks and frames, every traced sum S, every membrane or count and every working value
 * {@code u = v - leak + S} lies in its register's range.
 */
class WidthsHoldTest {

    record Case(Network network, List<int[]> frames) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return RandomNetworks.networks().flatMap(net -> RandomNetworks.frames(net).list().ofMinSize(1).ofMaxSize(4)
                .map(frames -> new Case(net, frames)));
    }

    @Property(tries = 300)
    void everyTracedValueFitsItsRegister(@ForAll("cases") Case c) {
        Network net = c.network();
        Widths widths = Widths.of(net);
        ReferenceSimulator simulator = new ReferenceSimulator(net);
        for (int[] frame : c.frames()) {
            Trace trace = simulator.run(frame);
            for (int l = 0; l < net.layers().size(); l++) {
                checkLayer(net.layers().get(l), widths.layer(l), trace.layers().get(l));
            }
        }
    }

    private static void checkLayer(DenseLayer layer, Widths.LayerWidths w, Trace.LayerTrace trace) {
        long[] previous = new long[layer.neurons()];
        for (int t = 0; t < trace.sums().length; t++) {
            for (int j = 0; j < layer.neurons(); j++) {
                long sum = trace.sums()[t][j];
                long state = trace.state()[t][j];
                String at = layer.name() + "[" + j + "] step " + t;
                assertThat(sum).as("%s: S", at).isBetween(w.sumMin(), w.sumMax());
                assertThat(fits(sum, w.sumBits())).as("%s: S in %d bits", at, w.sumBits()).isTrue();
                assertThat(state).as("%s: register", at).isBetween(w.stateMin(), w.stateMax());
                assertThat(fits(state, w.stateBits())).as("%s: register in %d bits", at, w.stateBits()).isTrue();
                if (layer.neuron() instanceof NeuronModel.IntegrateAndFire n) {
                    long v = previous[j];
                    long u = v - (n.leakShift() == 0 ? 0 : v >> n.leakShift()) + sum;
                    assertThat(fits(u, w.workBits())).as("%s: u = %d in %d bits", at, u, w.workBits()).isTrue();
                    assertThat(fits(n.threshold(), w.workBits())).as("threshold in %d bits", w.workBits()).isTrue();
                }
                previous[j] = state;
            }
        }
    }

    private static boolean fits(long value, int bits) {
        return value >= -(1L << (bits - 1)) && value <= (1L << (bits - 1)) - 1;
    }
}
