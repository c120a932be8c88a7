package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated benches check the handshake of docs/rtl.md as well as the values: the two mutants of the
 * top that the value checks let through (done set by rst, busy never falling) fail both benches with a
 * "handshake" message; and run_icarus.sh never runs a stale bench.
 */
class BenchHandshakeTest {

    @TempDir
    Path dir;

    private GeneratedDesign generate() throws IOException {
        return Generators.verilog(ExampleNetwork.document()).testBench(6).writeTo(dir);
    }

    /** Replaces the {@code occurrence}-th (0 first, -1 last) {@code from} in the top module by {@code to}. */
    private void mutateTop(String from, String to, int occurrence) throws IOException {
        Path top = dir.resolve("example.v");
        String text = Files.readString(top);
        int at = occurrence < 0 ? text.lastIndexOf(from) : text.indexOf(from);
        assertThat(at).as("'%s' in example.v", from).isNotNegative();
        Files.writeString(top, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rst sets done to 1 | done <= 1'b0; | done <= 1'b1; | 0 | handshake (rst after a frame): 0 edges after rst an output is not 0",
            "busy never falls   | busy <= 1'b0; |               | -1 | handshake (values): frame 0: busy is 1 at the done edge",
            "start does not set busy | busy <= 1'b1; |          | 0 | handshake (values): frame 0: busy is 0 1 edges after start",
    })
    void icarusAndVerilatorBenchesKillTheHandshakeMutantsThatValuesLetThrough(String name, String from, String to,
                                                                               int occurrence, String message)
            throws IOException {
        generate();
        Tools.require(Tool.IVERILOG, Tool.VVP, Tool.VERILATOR);
        Tool.Result before = Tools.command(dir, "sh", "run_icarus.sh");
        assertThat(before.output()).contains("PASS: 6 frames, 18 values compared, handshake checked");
        assertThat(before.exitCode()).isZero();

        mutateTop(from, to == null ? "" : to, occurrence);
        Tool.Result icarus = Tools.command(dir, "sh", "run_icarus.sh");
        assertThat(icarus.exitCode()).as(icarus.output()).isNotZero();
        assertThat(icarus.output()).contains(message).doesNotContain("PASS");
        Tool.Result verilator = Tools.command(dir, "sh", "run_verilator.sh");
        assertThat(verilator.exitCode()).as(verilator.output()).isNotZero();
        assertThat(verilator.output()).contains("FAIL: " + message).doesNotContain("PASS");
    }

    @Test
    void runIcarusRemovesTheEarlierBenchAndFailsWhenTheRtlDoesNotCompile() throws IOException {
        generate();
        Tools.require(Tool.IVERILOG, Tool.VVP);
        assertThat(Tools.command(dir, "sh", "run_icarus.sh").exitCode()).isZero();
        assertThat(dir.resolve("tb_example.vvp")).exists();

        mutateTop("endmodule", "wire broken = undeclared_net;\nendmodule", -1);
        Tool.Result broken = Tools.command(dir, "sh", "run_icarus.sh");
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.output()).contains("FAIL: iverilog did not compile tb_example.v").doesNotContain("PASS");
        assertThat(dir.resolve("tb_example.vvp")).doesNotExist();
    }

    @Test
    void iverilogErrorsAreFailuresWhateverItsExitStatus() {
        assertThat(Tool.IVERILOG.reportsError("2048 error(s) during elaboration.")).isTrue();
        assertThat(Tool.IVERILOG.reportsError("example.v:3: error: Unable to bind wire/reg/memory `x'")).isTrue();
        assertThat(Tool.IVERILOG.reportsError("example.v:3: warning: implicit definition of wire 'error_count'."))
                .isFalse();
        assertThat(Tool.VERILATOR.reportsError("2048 error(s) during elaboration.")).isFalse();
    }
}
