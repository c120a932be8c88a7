package org.scforge.dsl;

/** A model file that cannot be read: one line saying which file, where, and what is wrong. */
public final class ModelFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
