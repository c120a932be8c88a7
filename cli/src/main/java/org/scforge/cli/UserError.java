package org.scforge.cli;

import java.util.List;

/**
 * A mistake in what the user gave us; printed as one line per problem ({@link #lines()}: usually one),
 * never as a stack trace, exit code 2.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> lines;

    public UserError(String message) {
        super(message);
        this.lines = List.of(String.valueOf(message));
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
        this.lines = List.of(String.valueOf(message));
    }

    /** One error for each of {@code lines}, a problem each (all the problems of an invalid model file). */
    public UserError(List<String> lines, Throwable cause) {
        super(String.join("\n", lines), cause);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
