package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/rtl.md "Folded learning layers": the network {@code stdpexample} of docs/semantics.md
 * section 12.7 with {@code --fold hidden=1x2:memory}: its timing, its readback ports, its ROM words, its RAM, the
 * update block of its lane; every file lint-clean; the Icarus bench (learn low) passes. Verilator runs its learning
 * frames and reads the words back in FoldedLearningCosimTest (module tests); a bench of its own checks the
 * write-back edges in Icarus.
 */
class FoldedLearningExampleTest {

    static final Fold PLAN = Fold.parse("hidden=1x2:memory");

    @TempDir
    Path dir;

    private static Map<String, String> files(Network network, boolean trace) {
        return Generators.verilog(network).options(GeneratorOptions.defaults().withTraceOutputs(trace).withFold(PLAN))
                .files();
    }

    @Test
    void theTimingHasTheLearningLayersFiveCyclesOfLatency() {
        Network network = StdpExampleNetwork.network();
        FrameTiming timing = PLAN.validate(network).timing(network);
        // G = 2 * 2 = 4 layer cycles, r = 5: T = 9; done at (4 + 2 - 1) * 9 + 1
        assertThat(PLAN.groups(network.layers().get(0))).isEqualTo(4);
        assertThat(PLAN.latency(network.layers().get(0))).isEqualTo(5);
        assertThat(timing.windowCycles()).isEqualTo(9);
        assertThat(timing.doneEdge()).isEqualTo(46);
    }

    @Test
    void theTopHasTheReadbackPortsInsteadOfTheWeightsPort() {
        String top = files(StdpExampleNetwork.network(), false).get("stdpexample.v");
        assertThat(top).contains("    input  wire                          learn,\n"
                        + "    input  wire [1:0]   hidden_weights_address,\n")
                .contains("    output wire [7:0] hidden_weights_words,\n")
                .doesNotContain("hidden_weights,")
                .contains("        .busy(busy),\n        .weights_address(hidden_weights_address),\n"
                        + "        .weights_words(hidden_weights_words),\n");
    }

    @Test
    void theLaneReadsTheFilesWordsFromItsRomAndTheLearnedOnesFromItsRam() {
        Map<String, String> files = files(StdpExampleNetwork.network(), false);
        String hidden = files.get("stdpexample_layer_hidden.v");
        // 8-bit words: magnitudes at [1:0] and [3:2], signs at 4 and 5, the mask at [7:6]
        assertThat(hidden).contains("        lane_0_weights[0] = 8'h9; // hidden_neuron_0, synapses 0..1\n")
                .contains("        lane_0_weights[1] = 8'h0; // hidden_neuron_0, synapses 2..2\n")
                .contains("        lane_0_weights[2] = 8'h66; // hidden_neuron_1, synapses 0..1\n")
                .contains("        lane_0_weights[3] = 8'h40; // hidden_neuron_1, synapses 2..2\n")
                .contains("    reg [7:0] lane_0_learned_weights [0:3];\n")
                .contains("    wire [7:0] lane_0_word = hidden_fetch_learned ? lane_0_learned_word : lane_0_file_word;\n")
                .contains("    wire [1:0] hidden_read_address = busy ? window_cycle[1:0] : weights_address;\n")
                .contains("    wire hidden_writes = fetch_valid && hidden_updates;\n")
                // the addresses written since rst are 0 .. hidden_learned_words - 1: one counter, no bit per address
                .contains("    reg [2:0] hidden_learned_words;\n")
                .contains("                hidden_fetch_learned <= {1'b0, hidden_read_address} < hidden_learned_words;\n")
                .contains("            if (hidden_writes && {1'b0, hidden_write_address} >= hidden_learned_words) begin\n"
                        + "                hidden_learned_words <= {1'b0, hidden_write_address} + 3'd1;\n")
                .doesNotContain("hidden_learned;")
                .contains("        hidden_chunk_learns[0] = 2'b11;\n        hidden_chunk_learns[1] = 2'b00;\n")
                .contains("    ) lane_0_learning (\n        .update(lane_0_pending),\n")
                .contains("    assign lane_0_updated_word = {lane_0_neuron_mask, lane_0_negative, lane_0_magnitude};\n")
                .contains("    assign weights_words = {lane_0_word};\n")
                .doesNotContain("stdp_synapse");
        assertThat(files).containsKey("stdpexample_stdp_chunk.v").doesNotContainKey("stdpexample_stdp_synapse.v");
    }

    @Test
    void everyFileIsLintCleanAndTheIcarusBenchPassesWithLearnLow() throws IOException {
        for (Network network : List.of(StdpExampleNetwork.network(), StdpExampleNetwork.adaptive())) {
            for (boolean trace : new boolean[] {false, true}) {
                Path out = dir.resolve(network.layers().get(0).learning().orElseThrow().homeostasis().isPresent()
                        + "_" + trace);
                GeneratedDesign design = Generators.verilog(network)
                        .options(GeneratorOptions.defaults().withTraceOutputs(trace).withFold(PLAN)).testBench(6)
                        .writeTo(out);
                Tools.assertCleanAndBenchPasses(out, design, "stdpexample", "PASS: 6 frames");
            }
        }
    }

    /**
     * The worked example's write-back edges, in Icarus: frame 1 with learning on leaves neuron 0's update pending at
     * edge 9, and the lane writes addresses 0..3 at edges 11..14, {@code hidden_learned_words} going to 1, 2, 3 and
     * 4 with them (values after each edge; the counter is internal, so a bench of its own reads it by its path).
     */
    @Test
    void theLaneWritesAddressesZeroToThreeAtEdgesElevenToFourteen() throws IOException {
        Generators.verilog(StdpExampleNetwork.network()).options(GeneratorOptions.defaults().withFold(PLAN))
                .testBench(1).writeTo(dir);
        Files.writeString(dir.resolve("tb_learned_words.v"), """
                module tb_learned_words;
                    reg clk = 0, rst = 1, start = 0, learn = 0;
                    reg [3:0] codes = 0;
                    wire busy, done;
                    wire [9:0] counts;
                    wire [7:0] words;
                    wire [0:0] class_out;
                    integer edge_number;
                    stdpexample dut (.clk(clk), .rst(rst), .start(start), .codes(codes), .learn(learn),
                        .hidden_weights_address(2'd0), .busy(busy), .done(done), .counts(counts),
                        .hidden_weights_words(words), .class_out(class_out));
                    always #5 clk = ~clk;
                    initial begin
                        @(posedge clk); @(posedge clk);
                        #1 rst = 0;
                        @(posedge clk);
                        #1 start = 1; learn = 1; codes = {2'd1, 2'd3};
                        @(posedge clk); edge_number = 0;
                        #1 start = 0;
                        repeat (16) begin
                            @(posedge clk); edge_number = edge_number + 1;
                            #1 $display("edge %0d learned_words %0d", edge_number, dut.hidden.hidden_learned_words);
                        end
                        $finish;
                    end
                endmodule
                """);
        List<String> compile = new ArrayList<>(List.of("-g2005", "-o", "learned.vvp", "-s", "tb_learned_words",
                "tb_learned_words.v"));
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("stdpexample") && f.endsWith(".v"))
                    .sorted().forEach(compile::add);
        }
        Tool.Result compiled = Tools.run(Tool.IVERILOG, dir, compile.toArray(String[]::new));
        assertThat(compiled.ok()).as(compiled.output()).isTrue();
        Tool.Result run = Tools.run(Tool.VVP, dir, "-n", "learned.vvp");
        List<Integer> counter = run.output().lines().filter(l -> l.startsWith("edge "))
                .map(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertThat(counter).as(run.output()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 4);
    }
}
