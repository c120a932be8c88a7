package org.scforge.cli;

/** A mistake in what the user gave us; printed as one line, never as a stack trace, exit code 2. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
