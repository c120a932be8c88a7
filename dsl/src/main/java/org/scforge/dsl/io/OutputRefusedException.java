package org.scforge.dsl.io;

import java.io.IOException;

/** scforge will not write to the folder asked for; the message is one line that says why and what to do. */
public final class OutputRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    OutputRefusedException(String message) {
        super(message);
    }
}
