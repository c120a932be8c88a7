package org.scforge.cli;

/** The exit codes every subcommand uses. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check ran and failed: a mismatch, an accuracy below target, a design that does not fit. */
    public static final int CHECK_FAILED = 1;
    /** The user's input is wrong: a bad option, a missing or malformed file. One line says why. */
    public static final int USER_ERROR = 2;
    /** A bug in scforge: one line {@code scforge: internal error: ...}; SCFORGE_TRACE=1 adds the stack trace. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
