package org.scforge.sim.data;

/** A data file that is missing, truncated or not what it claims to be; the message is one line naming the file. */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
