package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.generators.FrameTiming;
import org.scforge.sim.Trace;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Compares one RTL frame with the golden model, value by value, following the timing of
 * docs/semantics.md sections 1 and 1.1 ({@link FrameTiming}, windows of {@code T} cycles, {@code T = 1}
 * unfolded): {@code done} rises exactly at edge {@code (L + D - 1) * T + 1}; layer {@code l} (1-based)
 * shows its values after step {@code t} right after edge {@code (t + l) * T}, the last edge of the window
 * of that step; the readout's running counts are on {@code counts}. Counts every comparison and
 * remembers the earliest difference.
 */
final class FrameComparator {

    private final Network network;
    private final DutPorts ports;
    private final FrameTiming timing;
    private long compared;
    private long mismatches;
    private Mismatch first;

    FrameComparator(Network network, DutPorts ports) {
        this.network = network;
        this.ports = ports;
        this.timing = ports.timing(network);
    }

    long compared() {
        return compared;
    }

    long mismatches() {
        return mismatches;
    }

    Optional<Mismatch> first() {
        return Optional.ofNullable(first);
    }

    /** The edge at which {@code done} must rise: {@code (L + D - 1) * T + 1}, {@code L + D} unfolded. */
    int doneEdge() {
        return timing.doneEdge();
    }

    /** Frame-level values: the done edge, every readout count and the class. */
    void compareResult(int frame, FrameResult rtl, int[] goldenCounts, int goldenClass) {
        int expectedDone = doneEdge();
        String readout = network.readout().name();
        check(frame, Math.max(rtl.doneEdge(), 0), "-", -1, "done edge", rtl.doneEdge(), expectedDone);
        int edge = rtl.doneEdge();
        for (int j = 0; j < goldenCounts.length; j++) {
            check(frame, edge, readout, j, "counts", Values.signedField(rtl.counts(), j, ports.countBits()),
                    goldenCounts[j]);
        }
        check(frame, edge, readout, -1, "class_out", rtl.classOut(), goldenClass);
    }

    /** Every traced layer's spikes and membranes and the readout's running counts, at every step. */
    void compareTrace(int frame, FrameResult rtl, Trace golden) {
        List<FrameResult.TraceRow> rows = rtl.rows();
        int length = network.length();
        int column = 0;
        for (DutPorts.TracedLayer layer : ports.traced()) {
            Trace.LayerTrace g = golden.layers().get(layer.index());
            for (int t = 0; t < length; t++) {
                int edge = timing.stepEdge(layer.index(), t);
                FrameResult.TraceRow row = row(rows, edge);
                if (row == null) {
                    check(frame, edge, layer.name(), -1, "trace row (done came early)", -1, t);
                    continue;
                }
                BigInteger spikes = row.values().get(column);
                for (int j = 0; j < layer.neurons(); j++) {
                    check(frame, edge, layer.name(), j, layer.spikesPort(), spikes.testBit(j) ? 1 : 0, g.spikes()[t][j]);
                    if (layer.hasMembrane()) {
                        check(frame, edge, layer.name(), j, layer.membranePort(),
                                Values.signedField(row.values().get(column + 1), j, layer.stateBits()), g.state()[t][j]);
                    }
                }
            }
            column += layer.hasMembrane() ? 2 : 1;
        }
        int readoutIndex = network.depth() - 1;
        Trace.LayerTrace readout = golden.layers().get(readoutIndex);
        for (int t = 0; t < length; t++) {
            int edge = timing.stepEdge(readoutIndex, t);
            FrameResult.TraceRow row = row(rows, edge);
            if (row == null) {
                check(frame, edge, network.readout().name(), -1, "trace row (done came early)", -1, t);
                continue;
            }
            BigInteger counts = row.values().get(column);
            for (int j = 0; j < network.classes(); j++) {
                check(frame, edge, network.readout().name(), j, "counts (running)",
                        Values.signedField(counts, j, ports.countBits()), readout.state()[t][j]);
            }
        }
    }

    private static FrameResult.TraceRow row(List<FrameResult.TraceRow> rows, int edge) {
        if (edge - 1 < rows.size() && rows.get(edge - 1).edge() == edge) {
            return rows.get(edge - 1);
        }
        return null;
    }

    private void check(int frame, int edge, String layer, int neuron, String signal, long rtl, long golden) {
        compared++;
        if (rtl == golden) {
            return;
        }
        mismatches++;
        // the earliest difference: first frame, then first cycle, then the order compared
        if (first == null || (first.frame() == frame && edge < first.edge())) {
            first = new Mismatch(frame, edge, layer, neuron, signal, rtl, golden);
        }
    }
}
