package org.scforge.cli;

import org.scforge.sim.GoldenModel;
import picocli.CommandLine;

/** Entry point of the {@code scforge} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code: 0 success, 1 a check failed, 2 a usage or input error,
     * 3 an internal error (a bug). Every failure is one line on stderr (docs/errors.md, section "Messages").
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ScforgeCommand());
        boolean trace = Failures.traceRequested();
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.report(ex, commandLine.getErr(), trace));
        cli.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine cmd = ex.getCommandLine();
            // one line: picocli's second line ("Try ... --help") is folded into the first
            Failures.error(cmd.getErr(), ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USER_ERROR;
        });
        try {
            // the kernel is chosen once per JVM: a wrong -Dscforge.kernel is a usage error before any command runs
            GoldenModel.kernel();
        } catch (IllegalArgumentException e) {
            Failures.error(cli.getErr(), e.getMessage());
            return ExitCodes.USER_ERROR;
        }
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) { // picocli lets Errors (OutOfMemoryError, StackOverflowError) through
            return Failures.report(e, cli.getErr(), trace);
        }
    }
}
