package org.scforge.generators.synth;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.ConvExamples;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.PipelineLayer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner on networks with conv and pool layers (docs/rtl.md, "Choosing the plan"): the plan it chooses is one
 * {@code --fold} could give, its estimate is the search's, it fits, and no plan of a shorter window fits (every plan
 * of tiny networks, enumerated).
 */
class ConvPlannerProperties {

    private static final List<Target> TARGETS = List.of(Target.ICE40_UP5K, Target.XC7, Target.ECP5);

    /** The most plans a tiny network of {@link #tinyConvNetworks} has, so that listing them all stays quick. */
    private static final long MOST_PLANS = 30_000;

    @Property(tries = 40)
    void aChosenConvPlanIsValidFitsAndItsEstimateIsTheSearchs(@ForAll long seed,
                                                             @ForAll @DoubleRange(min = 1e2, max = 1e7) double fps) {
        Network network = RandomNetworks.convSeeded(seed);
        for (Target target : TARGETS) {
            // these networks are small: every target holds some plan of them
            Planner.Estimate plan = Planner.choose(network, target, OptionalDouble.empty(), target.boardClockMhz())
                    .orElseThrow();
            assertThat(plan.fold().validate(network)).isEqualTo(plan.fold());
            assertThat(plan.fits(target)).isTrue();
            assertThat(plan.timing()).isEqualTo(plan.fold().timing(network));
            assertThat(plan.timing().layers()).isEqualTo(PipelineLayer.of(network).size());
            Planner.Estimate estimated = Planner.estimate(network, plan.fold(), target);
            assertThat(estimated.luts()).as("LUTs of %s on %s", plan.fold(), target).isEqualTo(plan.luts());
            assertThat(estimated.brams()).as("block RAMs of %s on %s", plan.fold(), target).isEqualTo(plan.brams());
            Planner.choose(network, target, OptionalDouble.of(fps), 50).ifPresent(fast -> {
                assertThat(fast.fold().validate(network)).isEqualTo(fast.fold());
                assertThat(fast.fits(target)).isTrue();
                assertThat(fast.framesPerSecond(50)).isGreaterThanOrEqualTo(fps);
                assertThat(Planner.estimate(network, fast.fold(), target)).isEqualTo(fast);
            });
            for (Planner.Estimate point : Planner.frontier(network, target)) {
                assertThat(point.fits(target)).isTrue();
                assertThat(Planner.estimate(network, point.fold(), target)).isEqualTo(point);
            }
        }
    }

    /**
     * Every plan of a tiny conv network (every P that is whole positions, every S, logic or memory; every P and S of
     * its dense layers): the planner's plan has the shortest window of those that fit and, at it, the fewest LUTs;
     * with a rate, the fewest LUTs of those that reach it. The window is the planner's: {@code G + r} of each layer
     * and, for a folded readout, its argmax's idle cycles.
     */
    @Property(tries = 25)
    void theChosenPlanIsTheBestOfEveryPlanOfATinyConvNetwork(@ForAll("tinyConvNetworks") Network network) {
        assertTheChosenPlansAreTheBestOf(network, everyPlan(network));
    }

    /**
     * The same on a conv network that the UP5K holds only folded (its fully parallel conv layer alone is some 10,000
     * LUTs): 8 channels of 3 x 3 on a 4 x 4 image, a 2 x 2 pool of stride 2, 2 classes; 42,240 plans.
     */
    @Test
    void theChosenPlanIsTheBestOfEveryPlanOfAConvNetworkThatMustFold() {
        Network network = Network.named("mustfold").image(4, 4, 1, Code.unsigned(4)).weights(4).bitstream(16)
                .conv("c1", 8, 3, 1, 1, Neuron.integrateAndFire(4)).pool("p1", 2, 2).dense("out", 2, Neuron.counter())
                .build();
        assertThat(Planner.estimate(network, Fold.none(), Target.ICE40_UP5K).fits(Target.ICE40_UP5K)).isFalse();
        List<Fold> every = everyPlan(network);
        assertThat(every).hasSize(42_240);
        assertTheChosenPlansAreTheBestOf(network, every);
        Planner.Estimate up5k = Planner.choose(network, Target.ICE40_UP5K, OptionalDouble.empty(), 12).orElseThrow();
        assertThat(up5k.fold().neuronsPerCycle()).containsKey("c1");
        assertThat(up5k.timing().windowCycles()).isGreaterThan(1);
    }

    /** Holds the planner's plans on every target, without and with a rate, against {@code every} plan. */
    private static void assertTheChosenPlansAreTheBestOf(Network network, List<Fold> every) {
        for (Target target : TARGETS) {
            List<Scored> fitting = new ArrayList<>();
            for (Fold fold : every) {
                Planner.Estimate e = Planner.estimate(network, fold, target);
                if (e.fits(target)) {
                    fitting.add(new Scored(e, plannerWindow(network, fold)));
                }
            }
            Optional<Planner.Estimate> chosen = Planner.choose(network, target, OptionalDouble.empty(), 50);
            assertThat(chosen.isPresent()).as("a plan on %s", target).isEqualTo(!fitting.isEmpty());
            if (fitting.isEmpty()) {
                continue;
            }
            int shortest = fitting.stream().mapToInt(Scored::window).min().orElseThrow();
            long fewest = fitting.stream().filter(s -> s.window() == shortest).mapToLong(s -> s.estimate().luts())
                    .min().orElseThrow();
            assertThat(plannerWindow(network, chosen.get().fold())).as("window on %s", target).isEqualTo(shortest);
            assertThat(chosen.get().luts()).as("LUTs on %s", target).isEqualTo(fewest);

            // a rate that the slowest fitting plans miss: the fewest LUTs of the plans whose window reaches it
            int longest = fitting.stream().mapToInt(Scored::window).max().orElseThrow();
            int steps = network.length() + PipelineLayer.of(network).size() - 1;
            int allowed = (shortest + longest) / 2;
            // half a cycle of slack, so that no rounding of the rate moves the window it allows
            double fps = 50e6 / ((double) steps * allowed + 2.5);
            long cheapest = fitting.stream().filter(s -> s.window() <= allowed).mapToLong(s -> s.estimate().luts())
                    .min().orElseThrow();
            Planner.Estimate fast = Planner.choose(network, target, OptionalDouble.of(fps), 50).orElseThrow();
            assertThat(fast.fits(target)).isTrue();
            assertThat(fast.framesPerSecond(50)).isGreaterThanOrEqualTo(fps);
            assertThat(fast.luts()).as("LUTs at %.0f frames/s on %s", fps, target).isEqualTo(cheapest);
        }
    }

    @Test
    void theWorkedExampleIsFullyParallelWhereItFits() {
        // 4 conv neurons of 4 taps and 2 counters: the fastest plan, T = 1, fits every part
        for (Target target : TARGETS) {
            Planner.Estimate plan = Planner.choose(ConvExamples.pooled(), target, OptionalDouble.empty(), 12).orElseThrow();
            assertThat(plan.fold().toString()).isEmpty();
            assertThat(plan.timing()).isEqualTo(new FrameTiming(4, 3, 1));
        }
        // at 1 frame per second on 12 MHz every plan reaches the rate: the smallest, one position of one chunk
        Planner.Estimate smallest = Planner.choose(ConvExamples.example(), Target.ICE40_UP5K, OptionalDouble.of(1), 12)
                .orElseThrow();
        assertThat(smallest.fold().toString()).startsWith("conv=1x1");
    }

    /** An estimate and the window the planner counts for its plan. */
    private record Scored(Planner.Estimate estimate, int window) {
    }

    /** {@code G + r} of every layer and a folded readout's {@code floor(log2 classes)} idle cycles, the longest. */
    private static int plannerWindow(Network network, Fold fold) {
        int window = 0;
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            int own = fold.groups(layer) + fold.latency(layer);
            if (layer.isReadout() && (fold.groups(layer) > 1 || fold.inMemory(layer))) {
                own += 31 - Integer.numberOfLeadingZeros(network.classes());
            }
            window = Math.max(window, own);
        }
        return window;
    }

    /** Every plan: per layer every P (a conv layer's whole positions), every S, logic or memory; a pool as it is. */
    private static List<Fold> everyPlan(Network network) {
        List<Fold> plans = List.of(Fold.none());
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            if (layer instanceof PipelineLayer.Pool) {
                continue;
            }
            int step = layer instanceof PipelineLayer.Conv conv ? conv.conv().channels() : 1;
            List<Fold> next = new ArrayList<>();
            for (Fold plan : plans) {
                for (int p = step; p <= layer.neurons(); p += step) {
                    for (int s = 1; s <= layer.fanIn() + 1; s++) {
                        for (boolean memory : new boolean[] {false, true}) {
                            next.add(with(plan, layer.name(), p, s, memory));
                        }
                    }
                }
            }
            plans = next;
        }
        return plans;
    }

    private static Fold with(Fold plan, String layer, int p, int s, boolean memory) {
        Map<String, Integer> perCycle = new HashMap<>(plan.neuronsPerCycle());
        Map<String, Integer> synapses = new HashMap<>(plan.synapsesPerCycle());
        Set<String> memoryLayers = new HashSet<>(plan.memoryLayers());
        perCycle.put(layer, p);
        synapses.put(layer, s);
        if (memory) {
            memoryLayers.add(layer);
        }
        return new Fold(perCycle, synapses, memoryLayers);
    }

    /**
     * Tiny conv networks whose every plan can be listed (at most {@link #MOST_PLANS}): a 2..3 x 2..3 image of 1 or 2
     * channels, a conv layer of 1..2 channels (kernel 1..2, stride 1..2, padding below the kernel), perhaps an OR pool,
     * perhaps a dense hidden layer of 1..2 neurons, a readout of 2..3 classes.
     */
    @Provide
    Arbitrary<Network> tinyConvNetworks() {
        Arbitrary<int[]> shape = Combinators.combine(Arbitraries.integers().between(2, 3),
                Arbitraries.integers().between(2, 3), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1)).as((h, w, c, k, kernel, stride, padding, pool) ->
                new int[] {h, w, c, k, kernel, stride, Math.min(padding, kernel - 1), pool});
        return Combinators.combine(shape, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(2, 3),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(2, 8))
                .as((s, hidden, classes, weightBits, length) -> {
                    NetworkBuilder b = Network.named("tiny").image(s[0], s[1], s[2], Code.unsigned(3))
                            .weights(weightBits).bitstream(length)
                            .conv("c1", s[3], s[4], s[5], s[6], Neuron.integrateAndFire(2));
                    int side = Math.min((s[0] + 2 * s[6] - s[4]) / s[5] + 1, (s[1] + 2 * s[6] - s[4]) / s[5] + 1);
                    if (s[7] == 1 && side >= 2) {
                        b = b.pool("p1", 2, 1);
                    }
                    if (hidden > 0) {
                        b = b.dense("hidden", hidden, Neuron.integrateAndFire(2));
                    }
                    return b.dense("out", classes, Neuron.counter()).build();
                }).filter(n -> planCount(n) <= MOST_PLANS).flatMap(RandomNetworks::withRandomWeights);
    }

    /** How many plans {@link #everyPlan} lists. */
    private static long planCount(Network network) {
        long count = 1;
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            int step = layer instanceof PipelineLayer.Conv conv ? conv.conv().channels() : 1;
            count *= layer instanceof PipelineLayer.Pool ? 1 : 2L * (layer.neurons() / step) * (layer.fanIn() + 1);
        }
        return count;
    }
}
