package org.scforge.cli;

import org.junit.jupiter.api.Test;

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
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        ConsoleCapture run = ConsoleCapture.run("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).first().asString().startsWith("scforge: error: ").contains("frobnicate");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
