package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scforge.dsl.ModelDocument;
import org.scforge.generators.synth.Target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The semantics examples (and and xnor) folded: lint, the board wrapper, the Icarus bench, plan errors. */
class FoldedExampleTest {

    @TempDir
    Path dir;

    /**
     * Plans of the examples (2 neurons of fan-in 2 per layer, so 3 synapses with the bias) and their
     * window T = max over layers of G + r (docs/semantics.md section 1.1).
     */
    static Stream<Arguments> plans() {
        return Stream.of(
                // hidden: 1 neuron per cycle (G = 2), out fully parallel inside the 2-cycle window
                Arguments.of("hidden=1", 2),
                // weights in memory: G = 2 and r = 4
                Arguments.of("hidden=1:memory", 6),
                // the example of docs/semantics.md section 1.1: C = 2, G = 4, r = 4
                Arguments.of("hidden=1x2:memory", 8),
                // 2 synapses per cycle: C = 2 chunks (positions 0-1, then the bias and a pad), G = 4; in
                // memory r = 4, so T = 8; out in logic: G = 4
                Arguments.of("hidden=1x2:memory,out=1x2", 8),
                // one synapse per cycle: C = 3; hidden 2 neurons at a time in logic, G = 3; out in
                // memory, G = 2 * 3 = 6 and r = 4
                Arguments.of("hidden=2x1,out=1x1:memory", 2 * 3 + 4));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void foldedExamplesAreLintCleanAndPassTheirBenchAtTheFoldedLatency(String plan, int window) throws IOException {
        for (ModelDocument document : List.of(ExampleNetwork.document(), ExampleNetwork.bipolarDocument())) {
            Fold fold = Fold.parse(plan);
            String top = document.network().name();
            Path out = dir.resolve(top + plan.replaceAll("[^a-z0-9]", "_"));
            GeneratedDesign design = Generators.verilog(document)
                    .options(GeneratorOptions.defaults().withTraceOutputs(true).withFold(fold))
                    .testBench(20).target(Target.ICE40_UP5K).writeTo(out);
            assertThat(design.timing()).isEqualTo(new FrameTiming(8, 2, window));
            assertThat(design.timing().doneEdge()).isEqualTo((8 + 2 - 1) * window + 1);
            List<String> files = new ArrayList<>(design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList());
            assertThat(files).contains(top + "_if_update.v", top + "_layer_hidden.v");
            files.add(top + "_board.v");
            for (String file : files) {
                String module = file.substring(0, file.length() - 2);
                assertThat(Tools.lint(out, files, module)).as("verilator lint of %s (%s)", module, plan).isEmpty();
            }
            assertThat(Tools.elaborate(out, files, top + "_board")).as("iverilog -Wall board").isEmpty();
            Tool.Result bench = Tools.icarusTestBench(out, files.subList(0, files.size() - 1), top);
            // 20 frames (the example's 6 test frames or the bipolar example's 5, then seeded random ones), 2
            // counts and a class each
            int frames = 20;
            assertThat(bench.output()).as(top + " " + plan)
                    .contains("PASS: " + frames + " frames, " + 3 * frames + " values compared");
            assertThat(bench.ok()).isTrue();
        }
    }

    @Test
    void theArgmaxIsRegisteredInTheCyclesTheReadoutLeavesIdle() {
        // T = 8, out writes its last count at window cycle G + r - 1 = 3: 4 idle edges, 1 level for 2 classes
        assertThat(Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=1x2:memory,out=1x2"))).files()
                .get("example.v")).contains(".STAGES(1)");
        // T = 10, out (G = 6, r = 4) ends at the window's last cycle: nothing to register
        assertThat(Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=2x1,out=1x1:memory"))).files()
                .get("example.v")).contains(".STAGES(0)");
        // T = 6, out not folded (G = 1, r = 0) computes at window cycle 0: 5 idle edges, 1 level for 2 classes
        assertThat(Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=1:memory"))).files()
                .get("example.v")).contains(".STAGES(1)");
        // fully parallel (T = 1): no idle edge
        assertThat(Generators.verilog(ExampleNetwork.document()).files().get("example.v")).contains(".STAGES(0)");
    }

    @Test
    void memoryLayersHoldOneWordPerLayerCycleInARom() {
        Map<String, String> files = Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=1x2:memory"))).files();
        String hidden = files.get("example_layer_hidden.v");
        // neuron 0 = {5, -3} bias 0, neuron mask 0, input masks {0, 6, 1}: chunk 0 holds inputs 0 and 1,
        // chunk 1 the bias and a pad. Word = {neuron mask (3 bits), 2 signs, 2 magnitudes (3 bits each)}
        assertThat(hidden).contains("reg [10:0] lane_0_weights [0:3];")
                // chunk 0 of neuron 0: mask 0, signs 0b10 (input 1 negative), magnitudes 3 and 5: 0b000_10_011_101
                .contains("lane_0_weights[0] = 11'h9d; // hidden_neuron_0, synapses 0..1")
                // chunk 1 of neuron 0: the bias 0 and a pad: all zero
                .contains("lane_0_weights[1] = 11'h0; // hidden_neuron_0, synapses 2..2")
                // chunk 0 of neuron 1 = {7, 2}, neuron mask 3: 0b011_00_010_111
                .contains("lane_0_weights[2] = 11'h317; // hidden_neuron_1, synapses 0..1")
                // chunk 1 of neuron 1: mask 3, bias -1 (sign 1, magnitude 1): 0b011_01_000_001
                .contains("lane_0_weights[3] = 11'h341; // hidden_neuron_1, synapses 2..2")
                .contains("(* rom_style = \"block\", ram_style = \"block\" *)");
    }

    @Test
    void everyLayerFoldedToOneNeuronPerCycleAlsoFoldsTheReadout() {
        Map<String, String> files = Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=1,out=1"))).files();
        assertThat(files).containsKeys("example_count_update.v", "example_lane_synapses.v");
        assertThat(files.get("example_layer_out.v")).contains("lane_0_synapses").doesNotContain("lane_1");
        assertThat(files.get("example.v")).contains("done and class_out rise at edge (L+D-1)*T+1 = 19");
    }

    @Test
    void plansThatDoNotFitTheNetworkAreRefusedWithTheFix() {
        assertThatThrownBy(() -> Generators.verilog(ExampleNetwork.network())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=3"))).files())
                .hasMessage("fold hidden=3: P must be 1..2 (the neurons of layer hidden)");
        assertThatThrownBy(() -> Generators.verilog(ExampleNetwork.network())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hiden=1"))).files())
                .hasMessage("fold names layer 'hiden', which network example does not have; its layers are [hidden, out]");
        assertThatThrownBy(() -> Fold.parse("hidden:1")).hasMessage(
                "fold entry 'hidden:1' is not LAYER=P, LAYER=PxS or either with :memory (e.g. hidden=1:memory,out=1x11)");
        assertThatThrownBy(() -> Fold.parse("hidden=1:flash")).hasMessage(
                "fold entry 'hidden=1:flash': weights go in 'memory' or 'logic', not 'flash'");
        assertThatThrownBy(() -> Fold.parse("hidden=1x4").validate(ExampleNetwork.network())).hasMessage(
                "fold hidden=1x4: S must be 1..3 (the synapses of a neuron of layer hidden, its bias included)");
        assertThat(Fold.parse("hidden=1x2:memory,out=2:logic").toString()).isEqualTo("hidden=1x2:memory,out=2");
        assertThatThrownBy(() -> Fold.parse("hidden=1,hidden=2")).hasMessage("fold names layer 'hidden' twice");
        assertThat(Fold.parse("out=1, hidden=2").toString()).isEqualTo("hidden=2,out=1");
        assertThat(Fold.parse("").timing(ExampleNetwork.network())).isEqualTo(FrameTiming.unfolded(8, 2));
    }

    @Test
    void anUnfoldingPlanGivesTheFullyParallelFilesByteForByte() {
        Map<String, String> plain = Generators.verilog(ExampleNetwork.document()).testBench(5).target(Target.XC7).files();
        Map<String, String> full = Generators.verilog(ExampleNetwork.document())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=2,out=2"))).testBench(5)
                .target(Target.XC7).files();
        assertThat(full).isEqualTo(plain);
    }
}
