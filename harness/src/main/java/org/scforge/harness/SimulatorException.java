package org.scforge.harness;

/** The simulator process failed, answered an error, or produced an undefined (x/z) value. */
public final class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
