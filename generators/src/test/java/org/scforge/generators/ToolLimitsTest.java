package org.scforge.generators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool run on hostile Verilog ends within its limits and leaves nothing running: the mutant of
 * 2026-12-07 whose generate loop counts down forever ({@code i = i - 1}) made ivl grow to 22 GB after its
 * iverilog had been killed at the timeout.
 */
class ToolLimitsTest {

    private static final String ENDLESS_GENERATE = """
            module endless(input wire [3:0] a, output wire [3:0] y);
                genvar i;
                generate
                    for (i = 0; i < 4; i = i - 1) begin : reverse
                        assign y[3 - i] = a[i];
                    end
                endgenerate
            endmodule
            """;

    @TempDir
    Path dir;

    @Test
    void overItsMemoryLimitIverilogFailsAtOnceAndSaysWhy() throws Exception {
        Tools.require(Tool.IVERILOG);
        Files.writeString(dir.resolve("endless.v"), ENDLESS_GENERATE);
        long started = System.nanoTime();
        Tool.Result result = Tool.IVERILOG.runWithMemoryLimit(dir, 60, 256L << 20, "-o", "endless.vvp", "endless.v");
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).startsWith("iverilog needed more than its 256 MiB of memory");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds, far below the timeout").isLessThan(50);
        assertThat(ivlRunning()).isEmpty();
    }

    @Test
    void atItsTimeoutIverilogIsKilledWithTheIvlItStarted() throws Exception {
        Tools.require(Tool.IVERILOG);
        Files.writeString(dir.resolve("endless.v"), ENDLESS_GENERATE);
        Tool.Result result = Tool.IVERILOG.run(dir, 2, "-o", "endless.vvp", "endless.v");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.output()).endsWith("iverilog timed out after 2 s");
        assertThat(ivlRunning()).as("ivl, which iverilog runs behind a shell").isEmpty();
    }

    /** ivl processes working in this test's folder (Linux: /proc/PID/cwd), wherever they were reparented. */
    private List<ProcessHandle> ivlRunning() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("/ivl"))
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"))
                                .equals(dir.toRealPath());
                    } catch (Exception e) {
                        return true; // cannot tell: counted, as a leftover would be
                    }
                })
                .toList();
    }
}
