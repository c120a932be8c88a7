package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handshake of docs/rtl.md on a running design, after the value frames (the last of which left
 * {@code done} high): {@code done} stays high and the results stay put without a start; after {@code rst}
 * every output is 0 and stays 0; a {@code start} in the middle of a frame restarts it, and the result is
 * the restarted frame's; {@code rst} in the middle of a frame stops it; in these frames {@code busy} is 1
 * at every edge from the start edge until {@code done} rises and 0 from then on. The same sequence as the
 * generated benches ({@code tb_<top>.v}, {@code sim_main.cpp}), here through {@link Dut} and the golden model.
 */
final class HandshakeCheck {

    /** Edges {@code done} must stay high without a start. */
    static final int HOLD = 3;

    private final Dut dut;
    private final int doneEdge;
    private final List<String> outputs = new ArrayList<>();
    /** The model file's weights of each learning layer: what its weights port holds after rst. */
    private final java.util.Map<String, int[][]> initialWeights = new java.util.HashMap<>();
    private long checks;
    private String failure;

    /** {@code doneEdge}: the edge after the start edge at which done rises ({@link FrameComparator#doneEdge()}). */
    HandshakeCheck(Dut dut, int doneEdge) {
        this.dut = dut;
        this.doneEdge = doneEdge;
        outputs.addAll(List.of("busy", "done", "class_out", "counts"));
        // a weights port is not 0 after rst but the model file's weights (checkIdle checks them)
        dut.ports().tracePorts().stream().filter(p -> dut.ports().learning().stream()
                .noneMatch(l -> l.weightsPort().equals(p.name()))).forEach(p -> outputs.add(p.name()));
    }

    long checks() {
        return checks;
    }

    /** The first failed check, e.g. "handshake (rst after a frame): edge 0 after rst: done = 1, expected 0". */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Runs the sequence; {@code first} and {@code last} are the codes of two frames (the same when one). */
    HandshakeCheck run(Network network, int[] first, int[] last) {
        return run(network, first, last, GoldenModel.of(network).run(last));
    }

    /**
     * The same after a run whose last frame gave {@code lastResult} (a learning run's, with the weights it learned);
     * the frames of the sequence run with learning off after rst, so the golden model's frames with the file's weights.
     */
    HandshakeCheck run(Network network, int[] first, int[] last, FrameCounts lastResult) {
        GoldenModel golden = GoldenModel.of(network);
        for (org.scforge.dsl.DenseLayer layer : network.layers()) {
            if (layer.learns()) {
                initialWeights.put(layer.name(), layer.weights().toArray());
            }
        }
        FrameCounts firstResult = golden.run(first);
        String phase = "done is a level";
        for (int e = 1; e <= HOLD; e++) {
            dut.step(1);
            check(phase, "edge " + e + " after done", "done", 1);
            check(phase, "edge " + e + " after done", "busy", 0);
        }
        checkResult(phase, lastResult);

        phase = "rst after a frame";
        pulseRst();
        checkIdle(phase);

        phase = "start in the middle of a frame";
        startAndRunToMiddle(network, last);
        frame(phase, network, first, firstResult);

        phase = "rst in the middle of a frame";
        startAndRunToMiddle(network, last);
        pulseRst();
        checkIdle(phase);
        frame("a frame after rst in the middle of a frame", network, first, firstResult);
        return this;
    }

    private void pulseRst() {
        dut.poke("rst", 1);
        dut.step(1);
        dut.poke("rst", 0);
    }

    /** Every output 0 right after the rst edge and for doneEdge + 1 more edges without a start. */
    private void checkIdle(String phase) {
        for (int e = 0; e <= doneEdge + 1; e++) {
            if (e > 0) {
                dut.step(1);
            }
            for (String port : outputs) {
                check(phase, "edge " + e + " after rst", port, 0);
            }
            for (DutPorts.LearningLayer layer : dut.ports().parallelLearning()) {
                checkWeights(phase, "edge " + e + " after rst", layer, layer.weightsPort());
            }
        }
        // a folded learning layer's words, read back once: its readback takes an idle edge per address
        for (DutPorts.LearningLayer layer : dut.ports().learning()) {
            if (layer.folded()) {
                checkWeights(phase, "readback after rst", layer, layer.wordsPort());
            }
        }
    }

    /** Every code of {@code layer} is the model file's. */
    private void checkWeights(String phase, String when, DutPorts.LearningLayer layer, String port) {
        int[][] codes = layer.codes(dut);
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < layer.fanIn(); i++) {
                record(phase, when, port + "[" + j + "][" + i + "]", codes[j][i], initialWeights.get(layer.name())[j][i]);
            }
        }
    }

    private void startAndRunToMiddle(Network network, int[] codes) {
        dut.poke("codes", CodePacking.pack(codes, network.inputCode()));
        dut.poke("start", 1);
        dut.step(1);
        dut.poke("start", 0);
        dut.step(doneEdge / 2);
    }

    /** A frame edge by edge: busy 1 and done 0 until the done edge, then busy 0 and the golden result. */
    private void frame(String phase, Network network, int[] codes, FrameCounts expected) {
        dut.poke("codes", CodePacking.pack(codes, network.inputCode()));
        dut.poke("start", 1);
        dut.step(1);
        dut.poke("start", 0);
        for (int e = 1; e <= doneEdge; e++) {
            check(phase, "edge " + (e - 1) + " after start", "busy", 1);
            dut.step(1);
            check(phase, "edge " + e + " after start", "done", e == doneEdge ? 1 : 0);
        }
        check(phase, "edge " + doneEdge + " after start", "busy", 0);
        checkResult(phase, expected);
    }

    private void checkResult(String phase, FrameCounts expected) {
        BigInteger counts = dut.peek("counts");
        int[] golden = expected.readout();
        for (int j = 0; j < golden.length; j++) {
            record(phase, "at done", "counts[" + j + "]", Values.signedField(counts, j, dut.ports().countBits()), golden[j]);
        }
        record(phase, "at done", "class_out", dut.peek("class_out").longValueExact(), expected.predictedClass());
    }

    private void check(String phase, String when, String port, long expected) {
        BigInteger value = dut.peek(port);
        record(phase, when, port, value.bitLength() > 62 ? -1 : value.longValue(), expected);
    }

    private void record(String phase, String when, String signal, long rtl, long expected) {
        checks++;
        if (rtl != expected && failure == null) {
            failure = "handshake (" + phase + "): " + when + ": " + signal + " = " + rtl + ", expected " + expected;
        }
    }
}
