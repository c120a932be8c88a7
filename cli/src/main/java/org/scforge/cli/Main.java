package org.scforge.cli;

import picocli.CommandLine;

/** Entry point of the {@code scforge} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 a check failed, 2 a usage or input error. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ScforgeCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError user) {
                commandLine.getErr().println("scforge: error: " + user.getMessage());
                return ExitCodes.USER_ERROR;
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("scforge: error: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USER_ERROR;
        });
        return cli.execute(args);
    }
}
