package org.scforge.generators;

import org.scforge.dsl.ScforgeVersion;
import org.scforge.generators.rtl.ModelHash;
import org.scforge.generators.synth.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example network of docs/semantics.md section 9 through the real tools. */
class ExampleDesignTest {

    @TempDir
    Path dir;

    private List<String> names(GeneratedDesign design) {
        return design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void everyBlockAndTheTopAreLintCleanAndElaborateWithoutWarnings() throws IOException {
        for (boolean trace : new boolean[] {false, true}) {
            Path out = dir.resolve("trace_" + trace);
            GeneratedDesign design = Generators.verilog(ExampleNetwork.document())
                    .options(GeneratorOptions.defaults().withTraceOutputs(trace)).target(Target.ICE40_UP5K).writeTo(out);
            List<String> files = new java.util.ArrayList<>(names(design));
            files.add("example_board.v");
            // the fully parallel design is the layer template with P = N: the same blocks as every plan
            assertThat(files).containsExactlyInAnyOrder("example_lfsr.v", "example_vdc.v", "example_sobol.v",
                    "example_popcount.v", "example_lane_synapses.v", "example_if_update.v", "example_count_update.v",
                    "example_argmax_tree.v", "example_argmax.v",
                    "example_layer_hidden.v", "example_layer_out.v", "example.v", "example_board.v");
            for (String file : files) {
                String module = file.substring(0, file.length() - 2);
                assertThat(Tools.lint(out, files, module)).as("verilator lint of %s", module).isEmpty();
            }
            assertThat(Tools.elaborate(out, files, "example")).as("iverilog -Wall").isEmpty();
            assertThat(Tools.elaborate(out, files, "example_board")).as("iverilog -Wall board").isEmpty();
        }
    }

    @Test
    void icarusTestBenchPassesOnTheGoldenModelsValuesAndFailsOnAWrongOne() throws IOException {
        GeneratedDesign design = Generators.verilog(ExampleNetwork.document()).testBench(20).writeTo(dir);
        Tool.Result pass = Tools.icarusTestBench(dir, names(design), "example");
        // the model's 6 test frames, then 14 seeded random ones: 2 counts and a class each
        assertThat(pass.output()).contains("PASS: 20 frames, 60 values compared");
        assertThat(pass.ok()).isTrue();

        // The worked frame [6, 3] of the spec ends with counts [0, 1]; claim 2 instead and the bench must fail.
        Path vectors = dir.resolve("vectors.hex");
        List<String> lines = Files.readAllLines(vectors);
        assertThat(lines.get(2)).isEqualTo(Long.toHexString((1L << 18) | (1L << 12) | (0L << 6) | (3L << 3) | 6L));
        lines.set(2, Long.toHexString((1L << 18) | (2L << 12) | (0L << 6) | (3L << 3) | 6L));
        Files.write(vectors, lines);
        Tool.Result fail = Tools.icarusTestBench(dir, names(design), "example");
        assertThat(fail.ok()).isFalse();
        assertThat(fail.output()).contains("frame 0, out_neuron_1: expected 2, got 1");
    }

    @Test
    void sameModelGivesByteIdenticalFilesWithTheModelHashInEveryHeader() {
        var first = Generators.verilog(ExampleNetwork.document()).testBench(5).target(Target.XC7).files();
        var second = Generators.verilog(ExampleNetwork.document()).testBench(5).target(Target.XC7).files();
        assertThat(first).isEqualTo(second);
        String hash = ModelHash.of(ExampleNetwork.network());
        first.forEach((name, text) -> {
            if (name.endsWith(".v") || name.endsWith(".cpp") || name.endsWith(".ys") || name.endsWith(".sh")) {
                assertThat(text).as(name).contains("SHA-256 " + hash).contains("scforge-generators " + ScforgeVersion.NUMBER);
            }
        });
    }

    @Test
    void refusesAFolderItDidNotWriteAndReplacesItsOwnOnlyWhenForced() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> Generators.verilog(ExampleNetwork.network()).force(true).writeTo(dir))
                .hasMessageContaining("not empty and scforge did not write it");
        assertThat(dir.resolve("keep.txt")).exists();
        Files.delete(dir.resolve("keep.txt"));

        Path out = dir.resolve("out");
        Generators.verilog(ExampleNetwork.network()).writeTo(out);
        assertThatThrownBy(() -> Generators.verilog(ExampleNetwork.network()).writeTo(out))
                .hasMessageContaining("holds an earlier scforge output").hasMessageContaining("--force");
        Files.writeString(out.resolve("stale.v"), "x");
        GeneratedDesign design = Generators.verilog(ExampleNetwork.network()).force(true).writeTo(out);
        assertThat(out.resolve("stale.v")).doesNotExist();
        assertThat(out.resolve(".scforge-output")).content().contains("\"command\" : \"generate\"");
        assertThat(design.rtlFiles()).allMatch(Files::exists).allMatch(f -> f.getParent().equals(out.toAbsolutePath()));
        assertThat(design.ports()).extracting(Port::name)
                .containsExactly("clk", "rst", "start", "codes", "busy", "done", "counts", "class_out");
        assertThat(design.ports()).filteredOn(p -> p.name().equals("counts")).extracting(Port::width)
                .containsExactly(2 * 6);
    }
}
