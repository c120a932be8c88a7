package org.scforge.cli;

/** The exit codes every subcommand uses. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check ran and failed: a mismatch, an accuracy below target, a design that does not fit. */
    public static final int CHECK_FAILED = 1;
    /** The user's input is wrong: a bad option, a missing or malformed file. One line says why. */
    public static final int USER_ERROR = 2;

    private ExitCodes() {
    }
}
