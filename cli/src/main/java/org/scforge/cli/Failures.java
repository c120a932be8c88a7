package org.scforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.scforge.dsl.io.IoErrors;

/**
 * What the user sees when a command fails: one line on stderr for each problem. A mistake of theirs (a
 * {@link UserError}, a file that cannot be read or written) is {@code scforge: error: ...}, exit 2; anything
 * else is a bug in scforge, {@code scforge: internal error: ...}, exit 3, with the stack trace only when
 * {@code SCFORGE_TRACE=1} asks for it.
 */
final class Failures {

    static final String TRACE_VARIABLE = "SCFORGE_TRACE";

    private Failures() {
    }

    /** Prints {@code failure} and returns the exit code. */
    static int report(Throwable failure, PrintWriter err, boolean trace) {
        IOException io = failure instanceof UncheckedIOException u ? u.getCause()
                : failure instanceof IOException e ? e : null;
        if (failure instanceof UserError user) {
            user.lines().forEach(line -> error(err, line));
            return ExitCodes.USER_ERROR;
        }
        if (io != null) {
            error(err, IoErrors.reason(io));
            return ExitCodes.USER_ERROR;
        }
        err.println("scforge: internal error: " + Messages.oneLine(failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
                + " (a bug in scforge; " + TRACE_VARIABLE + "=1 prints its stack trace)");
        if (trace) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    static void error(PrintWriter err, String message) {
        err.println("scforge: error: " + Messages.oneLine(message));
        err.flush();
    }

    static boolean traceRequested() {
        return "1".equals(System.getenv(TRACE_VARIABLE));
    }
}
