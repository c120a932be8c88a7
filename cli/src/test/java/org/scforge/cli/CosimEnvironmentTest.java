package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What cosim's surroundings can get wrong, each one line naming the cause and exit 2 before any build:
 * an output folder under a file or where it cannot be made, a cache folder that is a file, and make or
 * g++ missing for a Verilator build (run in a child JVM whose PATH lacks them).
 */
class CosimEnvironmentTest {

    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(Network.named("tiny").inputs(2, Code.unsigned(3)).weights(3).bitstream(8)
                .sources(SourcePlan.lowDiscrepancy(3, 1)).dense("out", 2, Neuron.counter()).build(), model);
        return model;
    }

    private static void assertOneLine(int exit, String err, String... parts) {
        assertThat(exit).as(err).isEqualTo(ExitCodes.USER_ERROR);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(err).singleElement().asString().startsWith("scforge: error: ").contains(parts);
    }

    @Test
    void anOutputFolderUnderAFileOrInAReadOnlyPlaceIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        ConsoleCapture underFile = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "1",
                "--simulator", "icarus", "--out", file.resolve("out").toString());
        assertOneLine(underFile.exitCode(), underFile.err(), file.resolve("out").toString(), "is a file, not a folder");
        ConsoleCapture inProc = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "1",
                "--simulator", "icarus", "--out", "/proc/scforge-out");
        assertOneLine(inProc.exitCode(), inProc.err(), "/proc/scforge-out: ");
    }

    @Test
    void aCacheThatIsAFileIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("cache"), "x");
        String old = System.getProperty("scforge.cache");
        System.setProperty("scforge.cache", file.toString());
        try {
            ConsoleCapture run = ConsoleCapture.run("cosim", "--model", model().toString(), "--frames", "1",
                    "--simulator", "verilator", "--out", dir.resolve("out").toString());
            assertOneLine(run.exitCode(), run.err(), file.toString(), "is a file, not a folder", "SCFORGE_CACHE");
            assertThat(dir.resolve("out")).doesNotExist();
            // mutate makes the same check before its work (SimulatorChecks)
            ConsoleCapture mutate = ConsoleCapture.run("mutate", "--model", model().toString(), "--mutants", "1",
                    "--frames", "1", "--out", dir.resolve("mutants").toString());
            assertOneLine(mutate.exitCode(), mutate.err(), file.toString(), "is a file, not a folder");
            assertThat(dir.resolve("mutants")).doesNotExist();
        } finally {
            if (old == null) {
                System.clearProperty("scforge.cache");
            } else {
                System.setProperty("scforge.cache", old);
            }
        }
    }

    @Test
    void makeOrGxxMissingIsOneLineNamingThePackage() throws Exception {
        Path verilator = which("verilator");
        Path make = which("make");
        org.junit.jupiter.api.Assumptions.assumeTrue(verilator != null && make != null, "verilator and make on PATH");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        forward(bin, verilator);
        assertThat(cosimWithPath(bin)).contains("make is not installed", "apt-get install make");
        forward(bin, make);
        assertThat(cosimWithPath(bin)).contains("g++ is not installed", "apt-get install g++");
    }

    /** cosim in a child JVM with only {@code bin} on its PATH; its stderr, after checking it is one line, exit 2. */
    private String cosimWithPath(Path bin) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dscforge.cache=" + dir.resolve("cache-ok"), Main.class.getName(), "cosim", "--model",
                model().toString(), "--frames", "1", "--simulator", "verilator", "--out", dir.resolve("o").toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin.toString());
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertOneLine(p.exitValue(), text, "scforge: error: ");
        return text;
    }

    /** A script in {@code bin} that runs {@code tool} (a link out of the temporary folder would outlive it). */
    private static void forward(Path bin, Path tool) throws IOException {
        Path script = Files.writeString(bin.resolve(tool.getFileName()), "#!/bin/sh\nexec " + tool + " \"$@\"\n");
        script.toFile().setExecutable(true);
    }

    private static Path which(String command) {
        for (String d : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
