package org.scforge.generators;

import org.scforge.dsl.RandomNetworks;
import org.scforge.dsl.io.AtomicFiles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small networks through Verilator lint, Icarus elaboration and the self-checking Icarus test bench;
 * the folded property draws a random folding plan too (docs/semantics.md section 1.1), and its bench checks
 * the folded done edge.
 */
class RandomNetworkProperties {

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void randomNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        check(RandomNetworks.seeded(seed), Fold.none(), seed);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void foldedNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        Network network = RandomNetworks.seeded(seed);
        Fold fold = randomFold(network, seed);
        assertThat(fold.timing(network).folded()).as("a layer of more than one cycle per step, or in memory, folds")
                .isEqualTo(network.layers().stream().anyMatch(l -> fold.groups(l) > 1 || fold.inMemory(l)));
        check(network, fold, seed);
    }

    /**
     * Random learning networks (docs/rtl.md, "Learning layers": learning synapses, pre ages, winner-take-all or not,
     * learning and plain hidden layers side by side) are lint-clean, and their benches (learn low) pass.
     */
    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void learningNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        check(RandomNetworks.learningSeeded(seed), Fold.none(), seed);
    }

    /**
     * The same with homeostasis on every learning rule (docs/rtl.md, "Learning layers": offset registers, per-lane
     * thresholds, winner-take-all among the neurons that reach theirs, the decay), stored offsets for every other seed.
     */
    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void adaptiveNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        check(RandomNetworks.adaptiveSeeded(seed), Fold.none(), seed);
    }

    /**
     * Random learning networks, with or without homeostasis, folded (docs/rtl.md, "Folded learning layers"): every
     * learning layer P[xS]:memory with P and S drawn, the other layers folded as {@link #randomFold} draws them; lint
     * clean, elaborated, their benches (learn low) passing.
     */
    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void foldedLearningNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        Network network = (seed & 2) == 0 ? RandomNetworks.learningSeeded(seed) : RandomNetworks.adaptiveSeeded(seed);
        SplittableRandom r = new SplittableRandom(seed ^ 0x1ea4L);
        Fold others = randomFold(network, seed);
        Map<String, Integer> neurons = new LinkedHashMap<>(others.neuronsPerCycle());
        Map<String, Integer> synapses = new LinkedHashMap<>(others.synapsesPerCycle());
        java.util.Set<String> memory = new java.util.LinkedHashSet<>(others.memoryLayers());
        for (DenseLayer layer : network.layers()) {
            if (layer.learns()) {
                neurons.put(layer.name(), r.nextInt(1, layer.neurons() + 1));
                synapses.put(layer.name(), r.nextInt(1, layer.fanIn() + 2));
                memory.add(layer.name());
            }
        }
        check(network, new Fold(neurons, synapses, memory), seed);
    }

    /**
     * P in 1..N for some layers, and P in 1..N-1 for one layer of more than one neuron (drawn); each
     * layer with a P keeps its weights in memory or in logic (drawn).
     */
    static Fold randomFold(Network network, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (DenseLayer layer : network.layers()) {
            if (r.nextBoolean()) {
                plan.put(layer.name(), r.nextInt(1, layer.neurons() + 1));
            }
        }
        List<DenseLayer> foldable = network.layers().stream().filter(l -> l.neurons() > 1).toList();
        if (!foldable.isEmpty()) {
            DenseLayer layer = foldable.get(r.nextInt(foldable.size()));
            plan.put(layer.name(), r.nextInt(1, layer.neurons()));
        }
        return RandomPlans.withChunksAndStores(network, plan, r);
    }

    private static void check(Network network, Fold fold, long seed) throws IOException {
        Path dir = Files.createTempDirectory("scforge-rnd");
        try {
            boolean trace = (seed & 1) == 0;
            GeneratedDesign design = Generators.verilog(network)
                    .options(GeneratorOptions.defaults().withTraceOutputs(trace).withFold(fold))
                    .testBench(8).writeTo(dir.resolve("rtl"));
            Path out = design.directory();
            List<String> files = new ArrayList<>();
            design.rtlFiles().forEach(p -> files.add(p.getFileName().toString()));
            String summary = network.summary() + " fold '" + fold + "' (seed " + seed + ")";
            for (String file : files) {
                String module = file.substring(0, file.length() - 2);
                assertThat(Tools.lint(out, files, module)).as("lint of %s in %s", module, summary).isEmpty();
            }
            assertThat(Tools.elaborate(out, files, network.name())).as("iverilog of %s", summary).isEmpty();
            Tool.Result tb = Tools.icarusTestBench(out, files, network.name());
            long values = 8L * (network.classes() + 1);
            assertThat(tb.output()).as(summary).contains("PASS: 8 frames, " + values + " values compared");
            assertThat(tb.ok()).as(summary).isTrue();
            assertThat(Files.readString(out.resolve("tb_" + network.name() + ".v")))
                    .as(summary).contains("localparam LATENCY = " + design.timing().doneEdge() + ";");
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }
}
