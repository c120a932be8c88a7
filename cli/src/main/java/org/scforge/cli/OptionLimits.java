package org.scforge.cli;

import org.scforge.dsl.Limits;

/** Options checked against {@link Limits} before any work, so that a huge value is a line, not an out-of-memory error. */
final class OptionLimits {

    private OptionLimits() {
    }

    /** {@code --frames N}: 1 .. {@link Limits#MAX_FRAMES}. */
    static int frames(int frames) {
        return within("--frames", frames, Limits.MAX_FRAMES);
    }

    static int within(String option, int value, long max) {
        Limits.range(option, value, max).ifPresent(problem -> {
            throw new UserError(problem);
        });
        return value;
    }
}
