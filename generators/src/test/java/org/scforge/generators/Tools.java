package org.scforge.generators;

import org.junit.jupiter.api.Assumptions;
import org.scforge.dsl.io.ProcessTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Running the real EDA tools from tests: missing tools fail under CI=true and are skipped (with the package name) locally. */
public final class Tools {

    private Tools() {
    }

    /** Fails (CI) or skips (locally) the test when one of {@code tools} is missing. */
    public static void require(Tool... tools) {
        for (Tool tool : tools) {
            if (!tool.available()) {
                if ("true".equals(System.getenv("CI"))) {
                    fail("CI=true and " + tool.missingMessage());
                }
                Assumptions.abort(tool.missingMessage());
            }
        }
    }

    static Tool.Result run(Tool tool, Path dir, String... arguments) throws IOException {
        require(tool);
        return tool.run(dir, 1800, arguments);
    }

    /** verilator --lint-only -Wall with {@code top} as the top module; returns everything it printed. */
    public static String lint(Path dir, List<String> files, String top) throws IOException {
        List<String> args = new ArrayList<>(List.of("--lint-only", "-Wall", "--top-module", top));
        args.addAll(files);
        Tool.Result result = run(Tool.VERILATOR, dir, args.toArray(String[]::new));
        return result.output().strip() + (result.ok() ? "" : "\n(exit " + result.exitCode() + ")");
    }

    /** iverilog -g2005 -Wall elaboration of {@code top}; returns everything it printed. */
    public static String elaborate(Path dir, List<String> files, String top) throws IOException {
        List<String> args = new ArrayList<>(List.of("-g2005", "-Wall", "-o", "/dev/null", "-s", top));
        args.addAll(files);
        Tool.Result result = run(Tool.IVERILOG, dir, args.toArray(String[]::new));
        return result.output().strip() + (result.ok() ? "" : "\n(exit " + result.exitCode() + ")");
    }

    /** Compiles and runs the generated Icarus test bench; returns its output and exit code. */
    static Tool.Result icarusTestBench(Path dir, List<String> rtlFiles, String top) throws IOException {
        List<String> args = new ArrayList<>(List.of("-g2005", "-Wall", "-o", "tb.vvp", "-s", "tb_" + top));
        args.addAll(rtlFiles);
        args.add("tb_" + top + ".v");
        Tool.Result compiled = run(Tool.IVERILOG, dir, args.toArray(String[]::new));
        if (!compiled.ok()) {
            return compiled;
        }
        return run(Tool.VVP, dir, "-n", "tb.vvp");
    }

    /**
     * Every RTL file of {@code design} (written to {@code dir}) lint-clean as a top of its own in Verilator, the
     * design elaborating without a warning in Icarus, and its Icarus test bench passing with {@code passLine} in its
     * output ("PASS: 6 frames", ...).
     */
    static void assertCleanAndBenchPasses(Path dir, GeneratedDesign design, String top, String passLine) throws IOException {
        List<String> files = design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList();
        for (String file : files) {
            String module = file.substring(0, file.length() - 2);
            assertThat(lint(dir, files, module)).as("verilator lint of %s", module).isEmpty();
        }
        assertThat(elaborate(dir, files, top)).as("iverilog -Wall").isEmpty();
        Tool.Result bench = icarusTestBench(dir, files, top);
        assertThat(bench.output()).contains(passLine);
        assertThat(bench.ok()).as(bench.output()).isTrue();
    }

    /** Runs {@code command} (a script, a built simulator) in {@code dir}; its exit code and everything it printed. */
    static Tool.Result command(Path dir, String... command) throws IOException {
        Path log = Files.createTempFile("scforge-command", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(900, TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
                throw new IOException(String.join(" ", command) + " timed out after 900 s");
            }
            return new Tool.Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
