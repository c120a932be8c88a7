package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.scforge.sim.GoldenModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The root command: help lists the subcommands, unknown ones are usage errors. */
class MainTest {

    @Test
    void helpListsTheSubcommands() {
        ConsoleCapture run = ConsoleCapture.run("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: scforge", "Commands:", "validate", "Check a model file");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        ConsoleCapture run = ConsoleCapture.run();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: scforge", "validate");
    }

    @Test
    void versionIsPrinted() {
        ConsoleCapture run = ConsoleCapture.run("--version");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("scforge ");
        // which JVM runs: the launcher picks the newest JDK, and the golden model's speed depends on it
        assertThat(run.out()).contains("JDK " + System.getProperty("java.version") + " (");
        assertThat(run.out()).contains("golden-model kernel: " + GoldenModel.kernel() + " (");
    }

    /** The kernel is chosen once per JVM, so a wrong property needs a JVM of its own. */
    @Test
    void wrongKernelPropertyIsOneLineAndAUsageError() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Dscforge.kernel=avx", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.strip()).isEqualTo("scforge: error: -Dscforge.kernel=avx: expected scalar or vector");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        ConsoleCapture run = ConsoleCapture.run("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).first().asString().startsWith("scforge: error: ").contains("frobnicate");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
