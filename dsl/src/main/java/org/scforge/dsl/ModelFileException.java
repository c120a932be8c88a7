package org.scforge.dsl;

import java.util.List;

/**
 * A model file that cannot be read: a line saying which file, where, and what is wrong; for a network
 * with several problems, one such line for each ({@link #lines()}), so that one run shows all there is to fix.
 */
public final class ModelFileException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> lines;

    public ModelFileException(String message) {
        this(List.of(message));
    }

    public ModelFileException(List<String> lines) {
        super(String.join("\n", lines));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a model file exception needs at least one line");
        }
        this.lines = List.copyOf(lines);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
        this.lines = List.of(message);
    }

    /** The problems, one line each, every line naming the file. */
    public List<String> lines() {
        return lines;
    }
}
