package org.scforge.tests;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.Fold;
import org.scforge.generators.RandomPlans;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random networks (sizes, widths, signedness, LFSR / van der Corput / Sobol sources, seeds, leak) agree
 * with the golden model in every spike, membrane and count at every step, in Verilator; a few in Icarus.
 * The folded properties draw a random folding plan too (docs/semantics.md section 1.1: P from 1 to N per
 * layer, partial last groups, the readout folded as well); their values are sampled at the end of each
 * window and their done edge is the folded one.
 */
class RandomNetworkCosimProperties {

    private static final int FRAMES = 4;

    @Property(tries = 50, shrinking = ShrinkingMode.OFF)
    void verilatorAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.VERILATOR, Fold.none());
    }

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void icarusAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.ICARUS, Fold.none());
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void foldedVerilatorAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkFolded(seed, Simulator.VERILATOR);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void foldedIcarusAgreesCycleByCycle(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkFolded(seed, Simulator.ICARUS);
    }

    /**
     * Random conv networks (docs/semantics.md section 11: images, conv layers with padding and strides, OR pools,
     * an optional dense hidden layer) under random plans (docs/rtl.md, "Conv and pool layers": P whole positions,
     * S, weights in memory or logic), compared in every spike, membrane and count at every step.
     */
    @Property(tries = 16, shrinking = ShrinkingMode.OFF)
    void convNetworksAgreeCycleByCycleInVerilator(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkConv(seed, Simulator.VERILATOR);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void convNetworksAgreeCycleByCycleInIcarus(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkConv(seed, Simulator.ICARUS);
    }

    private static void checkConv(long seed, Simulator simulator) {
        ToolPolicy.require(simulator);
        Network network = RandomNetworks.convSeeded(seed);
        Fold fold = RandomPlans.forConvNetwork(network, new SplittableRandom(seed * 17 + 3));
        DutSources design = DutSources.generate(network, true, fold);
        assertThat(design.ports().windowCycles()).isEqualTo(fold.timing(network).windowCycles());
        assertThat(design.ports().traced()).as("every layer but the readout is traced").hasSize(network.depth() - 1);
        CosimReport report = Cosim.of(network, design).simulator(simulator).trace(true)
                .run(FrameSelection.random(network, FRAMES, seed));
        report.assertPassed();
        // per frame and step at least every traced spike and every running count
        long traced = design.ports().traced().stream().mapToLong(l -> l.neurons()).sum();
        assertThat(report.valuesCompared()).as(network.summary() + " fold " + fold)
                .isGreaterThanOrEqualTo(FRAMES * (long) network.length() * (traced + network.classes()));
    }

    /**
     * Every layer of more than one neuron gets a random P in 1..N, and one of them (drawn) a P below N,
     * so the design is folded whenever it can be; each of them computes S in 1..F+1 synapses per cycle or
     * all of them, and keeps its weights in memory or in logic (drawn).
     */
    static Fold randomFold(Network network, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        List<DenseLayer> foldable = network.layers().stream().filter(l -> l.neurons() > 1).toList();
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (DenseLayer layer : foldable) {
            plan.put(layer.name(), r.nextInt(1, layer.neurons() + 1));
        }
        if (!foldable.isEmpty()) {
            DenseLayer layer = foldable.get(r.nextInt(foldable.size()));
            plan.put(layer.name(), r.nextInt(1, layer.neurons()));
        }
        return RandomPlans.withChunksAndStores(network, plan, r);
    }

    private static void checkFolded(long seed, Simulator simulator) {
        Network network = RandomNetworks.seeded(seed);
        Fold fold = randomFold(network, seed);
        assertThat(fold.timing(network).folded()).as("%s folds", network.summary())
                .isEqualTo(network.layers().stream().anyMatch(l -> l.neurons() > 1));
        check(seed, simulator, fold);
    }

    private static void check(long seed, Simulator simulator, Fold fold) {
        ToolPolicy.require(simulator);
        Network network = RandomNetworks.seeded(seed);
        // a network of one (readout) layer has no integrate-and-fire layer, so no trace ports: its counts are
        // compared at the end of each frame
        boolean traced = network.layers().size() > 1;
        DutSources design = DutSources.generate(network, traced, fold);
        assertThat(design.ports().windowCycles()).isEqualTo(fold.timing(network).windowCycles());
        assertThat(design.ports().hasTrace()).isEqualTo(traced);
        CosimReport report = Cosim.of(network, design).simulator(simulator).trace(traced)
                .run(FrameSelection.random(network, FRAMES, seed));
        report.assertPassed();
        // every frame: done edge, counts, class, and (traced) every traced value of every step
        long perFrame = traced ? (long) network.length() * network.classes() : network.classes() + 1;
        assertThat(report.valuesCompared()).as(network.summary() + " fold " + fold)
                .isGreaterThanOrEqualTo(FRAMES * perFrame);
    }
}
