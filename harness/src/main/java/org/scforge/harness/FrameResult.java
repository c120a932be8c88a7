package org.scforge.harness;

import java.math.BigInteger;
import java.util.List;

/**
 * What one frame produced on the RTL.
 *
 * @param doneEdge  the first edge after the start edge at which {@code done} was high, -1 if never
 * @param counts    the packed {@code counts} port at that edge
 * @param classOut  {@code class_out} at that edge
 * @param rows      with trace: one row per edge 1..doneEdge holding {@link DutPorts#tracePorts()}
 */
public record FrameResult(int doneEdge, BigInteger counts, int classOut, List<TraceRow> rows) {

    public FrameResult {
        rows = List.copyOf(rows);
    }

    /** The trace ports' values right after edge {@code edge} (relative to the start edge). */
    public record TraceRow(int edge, List<BigInteger> values) {
        public TraceRow {
            values = List.copyOf(values);
        }
    }
}
