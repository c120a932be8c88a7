package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scforge.dsl.Code;
import org.scforge.dsl.ConvExamples;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conv and pool RTL of docs/rtl.md, "Conv and pool layers": the worked example's numbers, lint and the Icarus
 * bench on the semantics examples under several plans, and the plans a conv or pool layer refuses.
 */
class ConvRtlExampleTest {

    @TempDir
    Path dir;

    @Test
    void theWorkedExampleHasItsWordWindowsAndTiming() throws IOException {
        GeneratedDesign design = Generators.verilog(ConvExamples.example())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("conv=1"))).writeTo(dir.resolve("example"));
        // conv: G = 4 positions of one chunk; out: G = 1; T = 4, D = 2
        assertThat(design.timing()).isEqualTo(new FrameTiming(4, 2, 4));
        assertThat(design.timing().doneEdge()).isEqualTo(21);
        String conv = java.nio.file.Files.readString(dir.resolve("example/convexample_layer_conv.v"));
        // magnitudes 1, 1, 2, 3, 0 (2 bits each), signs 00010 (tap 1 negative), the channel's mask 0
        assertThat(conv).contains("localparam [16:0] lane_0_WORD = 17'h8e5; // channel 0")
                .contains("input  wire [8:0]   x,")
                // position 0: taps 0..2 are padding, tap 3 reads pixel 0; position 3 reads pixels 4, 5, 7, 8
                .contains("2'd0: slot_0_window = {x[0], 1'b0, 1'b0, 1'b0};")
                .contains("2'd3: slot_0_window = {x[8], x[7], x[5], x[4]};");
    }

    @Test
    void twoPositionsAtATimeReadTwoSlotsAndTheKernelWordsByChunk() {
        Map<String, String> files = Generators.verilog(ConvExamples.example())
                .options(GeneratorOptions.defaults().withFold(Fold.parse("conv=2x2:memory"))).files();
        String conv = files.get("convexample_layer_conv.v");
        // P = 2 (K = 1): slots 0 and 1 hold positions 2g and 2g + 1; C = 3 chunks of 2 taps, one word each
        assertThat(conv).contains("1'd0: slot_0_window = {x[0], 1'b0, 1'b0, 1'b0};")
                .contains("1'd1: slot_1_window = {x[8], x[7], x[5], x[4]};")
                .contains("reg [7:0] lane_1_weights [0:2];")
                .contains("lane_1_word <= lane_1_weights[chunk];")
                .contains(".x(slot_1_chunk_x),");
    }

    static Stream<Arguments> plans() {
        return Stream.of(Arguments.of(ConvExamples.example(), ""), Arguments.of(ConvExamples.example(), "conv=1"),
                Arguments.of(ConvExamples.example(), "conv=2x2:memory,out=1x3"),
                Arguments.of(ConvExamples.pooled(), ""), Arguments.of(ConvExamples.pooled(), "conv=3x2,out=1:memory"));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void convDesignsAreLintCleanAndPassTheirBench(Network network, String plan) throws IOException {
        String top = network.name();
        Path out = dir.resolve(top + plan.replaceAll("[^a-z0-9]", "_"));
        GeneratedDesign design = Generators.verilog(network)
                .options(GeneratorOptions.defaults().withTraceOutputs(true).withFold(Fold.parse(plan)))
                .testBench(12).writeTo(out);
        List<String> files = design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList();
        for (String file : files) {
            String module = file.substring(0, file.length() - 2);
            assertThat(Tools.lint(out, files, module)).as("verilator lint of %s (%s)", module, plan).isEmpty();
        }
        Tool.Result bench = Tools.icarusTestBench(out, files, top);
        assertThat(bench.output()).as(top + " " + plan).contains("PASS: 12 frames, " + 12 * 3 + " values compared");
        assertThat(bench.ok()).isTrue();
    }

    @Test
    void aPoolIsNeverFoldedAndAConvLayerFoldsWholePositions() {
        Network network = Network.named("n").image(4, 4, 1, Code.unsigned(3)).weights(3).bitstream(8)
                .conv("c1", 2, 2, 2, 0, Neuron.integrateAndFire(2)).pool("p", 2, 2).dense("out", 2, Neuron.counter())
                .build();
        assertThatThrownBy(() -> Fold.parse("c1=3").validate(network)).hasMessage("fold c1=3: a conv layer computes"
                + " whole positions, so P must be a multiple of its 2 channels (2, 4, ...; docs/rtl.md, \"Conv and pool"
                + " layers\")");
        assertThatThrownBy(() -> Fold.parse("p=1").validate(network)).hasMessage("fold names pool layer 'p': a pool is"
                + " OR gates computed in one cycle and is never folded; leave it out of --fold");
        assertThat(Fold.parse("c1=2x3:memory").timing(network)).isEqualTo(new FrameTiming(8, 3, 4 * 2 + 4));
    }

    @Test
    void thePlannerEstimatesAGivenConvPlan() {
        Planner.Estimate logic = Planner.estimate(ConvExamples.example(), Fold.parse("conv=1"), Target.ICE40_UP5K);
        assertThat(logic.brams()).isZero();
        assertThat(logic.luts()).isPositive();
        assertThat(logic.timing()).isEqualTo(new FrameTiming(4, 2, 4));
        // one lane, one 17-bit word (one chunk): a ROM of one word is a constant, so no block RAM and the LUTs of logic,
        // only the memory pipeline's 4 cycles
        Planner.Estimate oneWord = Planner.estimate(ConvExamples.example(), Fold.parse("conv=1:memory"), Target.ICE40_UP5K);
        assertThat(oneWord.brams()).isZero();
        assertThat(oneWord.luts()).isEqualTo(logic.luts());
        assertThat(oneWord.timing()).isEqualTo(new FrameTiming(4, 2, 8));
        // S = 2: 3 words of 2 * 2 magnitude bits, 2 signs and the 2-bit mask: one SB_RAM40_4K as 512 x 8
        Planner.Estimate memory = Planner.estimate(ConvExamples.example(), Fold.parse("conv=1x2:memory"), Target.ICE40_UP5K);
        assertThat(memory.brams()).isEqualTo(1);
        assertThat(memory.timing()).isEqualTo(new FrameTiming(4, 2, 4 * 3 + 4));
    }
}
