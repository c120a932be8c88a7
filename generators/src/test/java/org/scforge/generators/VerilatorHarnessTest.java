package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SplitMix64;
import org.scforge.sim.RandomWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated Verilator harness ({@code sim_main.cpp}, built and run by {@code run_verilator.sh})
 * passes on the golden model's vectors and fails, naming the value, on a wrong one. The harness has
 * two ways of driving the ports (one 64-bit word, or an array of 32-bit words past 64 bits), so it
 * runs on a network of each kind.
 */
class VerilatorHarnessTest {

    @TempDir
    Path dir;

    @Test
    void harnessPassesOnTheExampleAndFailsOnAWrongCount() throws IOException {
        Generators.verilog(ExampleNetwork.document()).testBench(20).writeTo(dir);
        Tool.Result pass = runScript();
        // the model's 6 test frames, then 14 seeded random ones
        assertThat(pass.output()).contains("PASS: 20 frames, 60 values compared");
        assertThat(pass.exitCode()).as(pass.output()).isZero();

        // The same corruption the Icarus test bench is shown to catch: frame 0 claims count 2 for out neuron 1.
        Path vectors = dir.resolve("vectors.hex");
        List<String> lines = Files.readAllLines(vectors);
        lines.set(2, Long.toHexString((1L << 18) | (2L << 12) | (0L << 6) | (3L << 3) | 6L));
        Files.write(vectors, lines);
        Tool.Result fail = Tools.command(dir, dir.resolve("obj_dir/sim_example").toString(), "vectors.hex");
        assertThat(fail.exitCode()).isNotZero();
        assertThat(fail.output()).contains("frame 0, out_neuron_1: expected 2, got 1");
    }

    @Test
    void harnessDrivesPortsWiderThan64Bits() throws IOException {
        // 12 sm8 inputs: a 108-bit codes port; 10 readout counts of 12 bits: a 120-bit counts port
        Network shape = Network.named("wide")
                .inputs(12, Code.signMagnitude(8))
                .weights(6)
                .bitstream(64)
                .dense("hidden", 16, Neuron.integrateAndFire(6))
                .dense("out", 10, Neuron.counter())
                .build();
        Network network = RandomWeights.uniform(shape, new SplitMix64(7), 4);
        GeneratedDesign design = Generators.verilog(ModelDocument.of(network)).testBench(8).writeTo(dir);
        assertThat(widthOf(design, "codes")).isGreaterThan(64);
        assertThat(widthOf(design, "counts")).isGreaterThan(64);
        Tool.Result pass = runScript();
        assertThat(pass.output()).contains("PASS: 8 frames, 88 values compared");
        assertThat(pass.exitCode()).as(pass.output()).isZero();
    }

    @Test
    void harnessPassesOnAFoldedDesignAtItsFoldedLatency() throws IOException {
        // hidden 16 neurons, 5 per cycle (groups 5, 5, 5, 1); out 10, 3 per cycle (3, 3, 3, 1): T = 4
        Network shape = Network.named("folded")
                .inputs(6, Code.unsigned(5))
                .weights(4)
                .bitstream(32)
                .dense("hidden", 16, Neuron.integrateAndFire(4).leakShift(2))
                .dense("out", 10, Neuron.counter())
                .build();
        Network network = RandomWeights.uniform(shape, new SplitMix64(3), 3);
        GeneratedDesign design = Generators.verilog(ModelDocument.of(network))
                .options(GeneratorOptions.defaults().withFold(Fold.parse("hidden=5,out=3"))).testBench(8).writeTo(dir);
        assertThat(design.timing().windowCycles()).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("sim_main.cpp"))).contains("const int LATENCY = " + ((32 + 1) * 4 + 1) + ";");
        Tool.Result pass = runScript();
        assertThat(pass.output()).contains("PASS: 8 frames, 88 values compared");
        assertThat(pass.exitCode()).as(pass.output()).isZero();
    }

    private static int widthOf(GeneratedDesign design, String port) {
        return design.ports().stream().filter(p -> p.name().equals(port)).findFirst().orElseThrow().width();
    }

    private Tool.Result runScript() throws IOException {
        Tools.require(Tool.VERILATOR);
        return Tools.command(dir, "sh", "run_verilator.sh");
    }
}
