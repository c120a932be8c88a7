package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning RTL of the worked example of docs/semantics.md section 12.7, as docs/rtl.md "Learning layers" describes
 * it: its ports, its learning synapses with their masks and initial codes, the lane words built from them, winner-take-all
 * on the if_update block's potentials; every file lint-clean; the Icarus bench (learn low) passes. Verilator runs it
 * edge by edge in LearningExampleCosimTest (module tests).
 */
class StdpRtlExampleTest {

    @TempDir
    Path dir;

    private static Map<String, String> files(boolean trace) {
        return Generators.verilog(StdpExampleNetwork.network())
                .options(GeneratorOptions.defaults().withTraceOutputs(trace)).files();
    }

    @Test
    void theTopHasTheLearnPortTheLearningSourceAndTheWeightsPort() {
        String top = files(false).get("stdpexample.v");
        assertThat(top).contains("    input  wire                          learn,\n")
                .contains("    output wire [11:0] hidden_weights,\n")
                .contains("            learning <= learn;\n")
                .contains("    ) src_learn (\n        .clk(clk),\n        .rst(rst),\n        .clear(start),\n"
                        + "        .enable(frame_stage[0]),\n")
                .contains("        .learning(learning),\n        .learn_number(src_learn_value[1:0]),\n"
                        + "        .weights(hidden_weights),\n");
        // the readout does not learn: no learning ports
        assertThat(files(false).get("stdpexample_layer_out.v")).doesNotContain("learn");
    }

    @Test
    void eachWeightIsALearningSynapseWithItsUpdateMaskAndTheFilesCode() {
        String hidden = files(false).get("stdpexample_layer_hidden.v");
        // m_ji = neuronMasks[j] ^ inputMasks[i]: m_00 = 0, m_01 = 1, m_10 = 1, m_11 = 0; codes [[1, 2], [2, -1]]
        assertThat(hidden).contains(synapse(0, 0, "2'd0", "3'sd1")).contains(synapse(0, 1, "2'd1", "3'sd2"))
                .contains(synapse(1, 0, "2'd1", "3'sd2")).contains(synapse(1, 1, "2'd0", "-3'sd1"))
                .contains("    localparam [1:0] hidden_P_PLUS = 2'd3;\n")
                .contains("    localparam [1:0] hidden_P_MINUS = 2'd1;\n")
                .contains("    localparam signed [4:0] hidden_STEP = 5'sd1;\n")
                .contains("    localparam signed [4:0] hidden_MIN = -5'sd3;\n")
                .contains("    localparam [1:0] hidden_WINDOW = 2'd2;\n")
                .contains("    wire hidden_neuron_0_learns = enable && learning && lane_0_spike;\n")
                // lane 1's word: mask 1, bias sign and magnitude 0, the codes' signs and magnitudes, input 1 first
                .contains("    wire [10:0] lane_1_word = {2'd1,\n        1'b0, hidden_weight_1_1_negative, "
                        + "hidden_weight_1_0_negative,\n        2'd0, hidden_weight_1_1_magnitude, hidden_weight_1_0_magnitude};\n")
                .contains("    assign weights = {hidden_weight_1_1_code, hidden_weight_1_0_code, hidden_weight_0_1_code, "
                        + "hidden_weight_0_0_code};\n")
                // winner-take-all: the argmax tree over the lanes' u, a winner when the largest u reaches the threshold
                .contains("        .counts(hidden_potentials),\n")
                .contains("    wire hidden_inhibits = hidden_best_potential >= hidden_THRESHOLD;\n")
                .contains("    assign lane_1_spike = hidden_inhibits ? hidden_winner == 1'd1 : lane_1_reaches;\n");
    }

    private static String synapse(int j, int i, String mask, String initial) {
        return "        .MASK(" + mask + "),\n        .STEP(hidden_STEP),\n        .MIN(hidden_MIN),\n        .MAX(hidden_MAX),\n"
                + "        .INITIAL(" + initial + ")\n    ) hidden_weight_" + j + "_" + i + " (\n        .clk(clk),\n"
                + "        .rst(rst),\n        .update(hidden_neuron_" + j + "_learns),\n        .recent(recent[" + i + "]),\n";
    }

    @Test
    void everyFileIsLintCleanAndTheIcarusBenchPassesWithLearnLow() throws IOException {
        Network network = StdpExampleNetwork.network();
        for (boolean trace : new boolean[] {false, true}) {
            Path out = dir.resolve("trace_" + trace);
            GeneratedDesign design = Generators.verilog(network)
                    .options(GeneratorOptions.defaults().withTraceOutputs(trace)).testBench(6).writeTo(out);
            assertThat(design.rtlFiles()).map(p -> p.getFileName().toString()).contains("stdpexample_stdp_synapse.v");
            Tools.assertCleanAndBenchPasses(out, design, "stdpexample", "PASS: 6 frames, 18 values compared");
        }
    }

    @Test
    void aDesignWithoutWinnerTakeAllHasNoPotentialPort() {
        Network network = StdpExampleNetwork.network();
        Network noWta = network.withLayers(network.layers().stream().map(l -> l.learns()
                ? l.withLearning(l.learning().orElseThrow().withWta(false)) : l).toList());
        Map<String, String> files = Generators.verilog(noWta).files();
        assertThat(files.get("stdpexample_if_update.v")).doesNotContain("potential");
        assertThat(files.get("stdpexample_layer_hidden.v")).doesNotContain("hidden_wta")
                .contains("        .spike(lane_0_spike),\n");
    }

    @Test
    void homeostasisGivesEachNeuronAnOffsetRegisterItsOwnThresholdAndADecayAtTheLearningFramesEnd() {
        // semantics section 12.5's example: homeostasis step 1, decayFrames 2, limit 3 (2-bit offsets, 4-bit u)
        Map<String, String> files = Generators.verilog(StdpExampleNetwork.adaptive()).files();
        assertThat(files.get("stdpexample.v")).contains("    output wire [11:0] hidden_weights,\n    output wire [3:0] hidden_offsets,\n")
                .contains("    wire learning_frame_ends = learning && !start && frame_stage[2] && !frame_stage[1];\n")
                .contains("        .learning_frame_ends(learning_frame_ends),\n")
                .contains("        .weights(hidden_weights),\n        .offsets(hidden_offsets),\n");
        assertThat(files.get("stdpexample_if_update.v")).contains("    input  wire signed [WORK_BITS-1:0]  threshold,\n")
                .contains("    assign spike = u >= threshold;\n").doesNotContain("parameter signed [WORK_BITS-1:0] THRESHOLD");
        assertThat(files.get("stdpexample_layer_hidden.v"))
                .contains("    localparam [1:0] hidden_OFFSET_STEP = 2'd1;\n")
                .contains("    localparam [1:0] hidden_OFFSET_LIMIT = 2'd3;\n")
                .contains("    reg [1:0] hidden_neuron_0_offset;\n"
                        + "    wire signed [3:0] hidden_neuron_0_threshold = hidden_THRESHOLD + {2'd0, hidden_neuron_0_offset};\n")
                .contains("        .threshold(hidden_neuron_1_threshold),\n")
                // winner-take-all among the neurons that reach their own threshold
                .contains("    localparam signed [3:0] hidden_NO_CONTEST = 4'sb1000;\n")
                .contains("    wire signed [3:0] lane_0_contest = lane_0_reaches ? lane_0_potential : hidden_NO_CONTEST;\n")
                .contains("    wire [7:0] hidden_potentials = {lane_1_contest, lane_0_contest};\n")
                .contains("    wire hidden_inhibits = |{lane_1_reaches, lane_0_reaches};\n")
                // raised with the weights, decayed at the end of every second learning frame, the file's offsets at rst
                .contains("    localparam [0:0] hidden_LAST_DECAY_FRAME = 1'd1;\n")
                .contains("    wire hidden_offsets_decay = learning_frame_ends && hidden_learning_frames == hidden_LAST_DECAY_FRAME;\n")
                .contains("            hidden_neuron_0_offset <= 2'd0;\n")
                .contains("            if (hidden_neuron_0_learns) begin\n                hidden_neuron_0_offset <= hidden_neuron_0_offset"
                        + " > hidden_OFFSET_LIMIT - hidden_OFFSET_STEP ? hidden_OFFSET_LIMIT\n"
                        + "                    : hidden_neuron_0_offset + hidden_OFFSET_STEP;\n"
                        + "            end else if (hidden_offsets_decay && hidden_neuron_0_offset != 2'd0) begin\n"
                        + "                hidden_neuron_0_offset <= hidden_neuron_0_offset - 2'd1;\n")
                .contains("    assign offsets = {hidden_neuron_1_offset, hidden_neuron_0_offset};\n");
        // stored offsets are the registers' values after rst
        Network stored = StdpExampleNetwork.adaptive().withLayers(List.of(StdpExampleNetwork.adaptive().layers().get(0)
                .withLearning(StdpExampleNetwork.RULE.withHomeostasis(org.scforge.dsl.StdpExamples.HOMEOSTASIS
                        .withOffsets(List.of(3, 1)))), StdpExampleNetwork.adaptive().layers().get(1)));
        assertThat(Generators.verilog(stored).files().get("stdpexample_layer_hidden.v"))
                .contains("            hidden_neuron_0_offset <= 2'd3;\n            hidden_neuron_1_offset <= 2'd1;\n");
        // without homeostasis the if_update block keeps its THRESHOLD parameter
        assertThat(files(false).get("stdpexample_if_update.v")).contains("parameter signed [WORK_BITS-1:0] THRESHOLD")
                .doesNotContain("threshold,");
    }

    @Test
    void theHomeostasisDesignIsLintCleanAndItsIcarusBenchPasses() throws IOException {
        for (boolean trace : new boolean[] {false, true}) {
            Path out = dir.resolve("adaptive_" + trace);
            GeneratedDesign design = Generators.verilog(StdpExampleNetwork.adaptive())
                    .options(GeneratorOptions.defaults().withTraceOutputs(trace)).testBench(6).writeTo(out);
            Tools.assertCleanAndBenchPasses(out, design, "stdpexample", "PASS: 6 frames");
        }
    }
}
