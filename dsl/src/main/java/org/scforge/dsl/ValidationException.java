package org.scforge.dsl;

import java.util.List;

/**
 * A network that is not valid, with every problem found, each naming the field, the value and the fix:
 * {@code layer 'hidden': threshold 0 must be >= 1}.
 */
public final class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ValidationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
