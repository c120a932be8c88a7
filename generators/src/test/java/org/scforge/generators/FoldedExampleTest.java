package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.ModelDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The semantics examples (and and xnor) folded: lint, the board wrapper, the Icarus bench, plan errors. */
class FoldedExampleTest {

    @TempDir
    Path dir;

    @Test
    void foldedExamplesAreLintCleanAndPassTheirBenchAtTheFoldedLatency() throws IOException {
        for (ModelDocument document : List.of(ExampleNetwork.document(), ExampleNetwork.bipolarDocument())) {
            // hidden: 2 neurons, 1 per cycle (T = 2); out: fully parallel inside the 2-cycle window
            Fold fold = Fold.parse("hidden=1");
            String top = document.network().name();
            Path out = dir.resolve(top);
            Design design = Generators.verilog(document)
                    .options(GeneratorOptions.defaults().withTraceOutputs(true).withFold(fold))
                    .testBench(20).target(Target.ICE40_UP5K).writeTo(out);
            assertThat(design.timing()).isEqualTo(new FrameTiming(8, 2, 2));
            assertThat(design.timing().doneEdge()).isEqualTo((8 + 2 - 1) * 2 + 1);
            List<String> files = new ArrayList<>(design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList());
            assertThat(files).contains(top + "_if_update.v", top + "_layer_hidden.v")
                    .doesNotContain(top + "_count_update.v");
            files.add(top + "_board.v");
            for (String file : files) {
                String module = file.substring(0, file.length() - 2);
                assertThat(Tools.lint(out, files, module)).as("verilator lint of %s", module).isEmpty();
            }
            assertThat(Tools.elaborate(out, files, top + "_board")).as("iverilog -Wall board").isEmpty();
            Tool.Result bench = Tools.icarusTestBench(out, files.subList(0, files.size() - 1), top);
            // the example's 6 test frames and the bipolar example's 5, 2 counts and a class each
            int frames = top.equals("example") ? 6 : 5;
            assertThat(bench.output()).as(top).contains("PASS: " + frames + " frames, " + 3 * frames + " values compared");
            assertThat(bench.ok()).isTrue();
        }
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
        assertThatThrownBy(() -> Fold.parse("hidden:1")).hasMessage("fold entry 'hidden:1' is not LAYER=P (e.g. hidden=8,out=1)");
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
