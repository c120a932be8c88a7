package org.scforge.generators;

import org.scforge.dsl.RandomNetworks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.Network;
import org.scforge.dsl.Source;
import org.scforge.dsl.ValidationException;
import org.scforge.dsl.WeightPlan;
import org.scforge.dsl.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small networks renamed from a hostile alphabet (keywords of Verilog, SystemVerilog and C++,
 * identifiers the templates declare, names extended by generated suffixes, generated prefixes, digits
 * first, '$', non-ASCII letters, double and trailing underscores, long names): each either fails
 * validation with a one-line reason, or validates and its Verilog lints clean in Verilator.
 */
class HostileNamesProperties {

    private static final List<String> HOSTILE = List.of(
            "and", "xor", "table", "wait", "endmodule", "bit", "int", "logic", "Wire", "uwire", "interconnect",
            "delete", "namespace", "main", "std", "register", "volatile", "operator", "auto", "V", "top",
            "window_last", "window", "frame_step", "clk", "codes", "dut", "lane_0", "lane", "tb_net", "scforge_bridge",
            "1x", "9", "a$b", "$display", "\u00e4x", "\u540d", "a-b", "", "a__b", "x__", "n_", "A_B_", "Net",
            "Module2", "sum", "x1", "s", "value1", "ab_value", "h",
            "a".repeat(31) + "z", "b".repeat(33));

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void hostileNamesFailValidationOrLintClean(@ForAll long seed) throws IOException {
        Network original = RandomNetworks.seeded(seed);
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, String> names = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>(List.of(original.name()));
        original.sources().forEach(s -> taken.add(s.name()));
        original.layers().forEach(l -> taken.add(l.name()));
        // one or two names hostile, so that a good part of the tries validates and reaches Verilator
        taken.forEach(name -> names.put(name, name));
        for (int k = r.nextInt(1, 3); k > 0; k--) {
            String name = taken.get(r.nextInt(taken.size()));
            names.put(name, hostile(r, name, names));
        }
        Network renamed;
        try {
            renamed = rename(original, n -> names.getOrDefault(n, n));
        } catch (ValidationException e) {
            Statistics.collect("refused");
            assertThat(e.problems()).as("%s", names).isNotEmpty()
                    .allSatisfy(p -> assertThat(p).doesNotContain("\n"));
            return;
        }
        Statistics.collect("validated");
        lintsClean(renamed, (seed & 1) == 0, names);
    }

    /** From the alphabet, or (one time in three) another name followed by a suffix the templates form. */
    private static String hostile(SplittableRandom r, String original, Map<String, String> names) {
        if (r.nextInt(3) == 0) {
            List<String> others = names.values().stream().filter(n -> !n.equals(original)).toList();
            String stem = others.get(r.nextInt(others.size()));
            return stem + List.of("_value", "_spikes", "_membrane", "_for_inputs", "_layer_x", "_neuron_0", "_x")
                    .get(r.nextInt(7));
        }
        return HOSTILE.get(r.nextInt(HOSTILE.size()));
    }

    private static Network rename(Network n, UnaryOperator<String> to) {
        List<Source> sources = n.sources().stream().map(s -> renamed(s, to.apply(s.name()))).toList();
        List<DenseLayer> layers = n.layers().stream().map(l -> new DenseLayer(to.apply(l.name()), l.neurons(),
                l.neuron(), l.weights(), l.bias(), new WeightPlan(to.apply(l.plan().source()),
                l.plan().neuronMasks(), l.plan().inputMasks()), l.synapse())).toList();
        return new Network(to.apply(n.name()), n.inputs(), n.inputCode(), n.weightBits(), n.length(), sources,
                new InputPlan(to.apply(n.inputPlan().source()), n.inputPlan().masks()), layers);
    }

    private static Source renamed(Source s, String name) {
        if (s instanceof Source.Lfsr l) {
            return new Source.Lfsr(name, l.width(), l.taps(), l.seed());
        }
        if (s instanceof Source.Sobol sobol) {
            return new Source.Sobol(name, sobol.width(), sobol.dimension());
        }
        return new Source.VanDerCorput(name, s.width());
    }

    private static void lintsClean(Network network, boolean trace, Map<String, String> names) throws IOException {
        Path dir = Files.createTempDirectory("scforge-hostile");
        try {
            GeneratedDesign design = Generators.verilog(network)
                    .options(GeneratorOptions.defaults().withTraceOutputs(trace)
                            .withFold(RandomNetworkProperties.randomFold(network, names.hashCode())))
                    .testBench(2).writeTo(dir.resolve("rtl"));
            List<String> files = design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList();
            assertThat(Tools.lint(design.directory(), files, network.name())).as("lint of %s", names).isEmpty();
            List<String> withBench = new ArrayList<>(files);
            withBench.add("tb_" + network.name() + ".v");
            assertThat(Tools.elaborate(design.directory(), withBench, "tb_" + network.name()))
                    .as("iverilog of the bench of %s", names).isEmpty();
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }
}
