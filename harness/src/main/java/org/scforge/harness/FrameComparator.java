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
    private long weightsCompared;
    private long weightMismatches;
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

    /** Weight codes compared (docs/rtl.md, "Learning layers"): a part of {@link #compared()}. */
    long weightsCompared() {
        return weightsCompared;
    }

    /** Weight codes that differed: a part of {@link #mismatches()}. */
    long weightMismatches() {
        return weightMismatches;
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

    /**
     * Every weight code of a learning layer ({@link DutPorts.LearningLayer#codes}: its weights port, or the words read
     * back), read at {@code edge} after the start edge (the done edge: after the frame), against the golden model's
     * codes {@code [neuron][input]}.
     */
    void compareWeights(int frame, int edge, DutPorts.LearningLayer layer, int[][] rtl, int[][] golden) {
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < layer.fanIn(); i++) {
                checkWeight(frame, edge, layer, j, i, rtl[j][i], golden[j][i]);
            }
        }
    }

    /**
     * With trace: every weight code of every learning layer after every step, right after the edge at which the
     * layer shows that step ({@link FrameTiming#stepEdge}); the golden codes are those at the frame's start with the
     * trace's updates applied step by step. {@code startCodes}: per fully parallel learning layer (the ones with a
     * weights port; a folded one is read back after the frame only), {@code [neuron][input]}.
     */
    void compareWeightTrace(int frame, FrameResult rtl, Trace golden, List<int[][]> startCodes) {
        List<FrameResult.TraceRow> rows = rtl.rows();
        List<DutPorts.LearningLayer> parallel = ports.parallelLearning();
        int column = ports.tracePorts().size() - parallel.size();
        for (int k = 0; k < parallel.size(); k++) {
            DutPorts.LearningLayer layer = parallel.get(k);
            int[][] codes = new int[layer.neurons()][];
            for (int j = 0; j < codes.length; j++) {
                codes[j] = startCodes.get(k)[j].clone();
            }
            // the trace lists a layer's updates in step order: one pass over them, not one per step
            List<Trace.WeightUpdate> updates = golden.weightUpdates().stream()
                    .filter(u -> u.layer().equals(layer.name())).toList();
            int next = 0;
            for (int t = 0; t < network.length(); t++) {
                for (; next < updates.size() && updates.get(next).step() <= t; next++) {
                    Trace.WeightUpdate u = updates.get(next);
                    codes[u.neuron()][u.input()] = u.newCode();
                }
                int edge = timing.stepEdge(layer.index(), t);
                FrameResult.TraceRow row = row(rows, edge);
                if (row == null) {
                    check(frame, edge, layer.name(), -1, "trace row (done came early)", -1, t);
                    continue;
                }
                compareWeights(frame, edge, layer, layer.codes(row.values().get(column + k)), codes);
            }
        }
    }

    /**
     * Every threshold offset of a learning layer with homeostasis, its offsets port read at {@code edge} after the
     * start edge (the done edge: after the frame, the decay included), against the golden model's offsets.
     */
    void compareOffsets(int frame, int edge, DutPorts.LearningLayer layer, BigInteger rtl, int[] golden) {
        for (int j = 0; j < layer.neurons(); j++) {
            check(frame, edge, layer.name(), j, layer.offsetsPort(), layer.offset(rtl, j), golden[j]);
        }
    }

    private void checkWeight(int frame, int edge, DutPorts.LearningLayer layer, int neuron, int input, long rtl,
                             long golden) {
        weightsCompared++;
        if (rtl != golden) {
            weightMismatches++;
        }
        check(frame, edge, layer.name(), neuron, (layer.folded() ? layer.wordsPort() : layer.weightsPort()) + " input "
                + input, rtl, golden);
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
