package org.scforge.harness.mutation;

/** What a design's regression did to a mutant. */
public enum Outcome {
    /** A count, class, done edge, spike or membrane differed (bench or co-simulation). */
    KILLED_BY_VALUES("killed by values"),
    /** Every value held, but the handshake of docs/rtl.md did not (busy, done, rst, restart). */
    KILLED_BY_HANDSHAKE("killed by the handshake"),
    /** The mutated RTL did not compile or elaborate: nothing behavioural was checked. */
    KILLED_BY_COMPILATION("killed only by compilation"),
    SURVIVED("survived");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean killed() {
        return this != SURVIVED;
    }
}
