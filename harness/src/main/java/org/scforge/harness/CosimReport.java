package org.scforge.harness;

import java.util.Optional;

/**
 * The outcome of a co-simulation run. It passed when something was compared, nothing differed and the
 * handshake held.
 *
 * @param simulator               the RTL simulator
 * @param frames                  frames run
 * @param valuesCompared          values compared between the RTL and the golden model
 * @param mismatches              values that differed
 * @param firstMismatch           the first difference, in frame, cycle, layer, neuron order
 * @param handshakeChecks         values checked by the handshake sequence (docs/rtl.md) after the frames
 * @param handshakeFailure        its first failed check, if any
 * @param rtlFramesPerSecond      frames per second of the simulator, bridge included
 * @param goldenFramesPerSecond   frames per second of the golden model on one thread
 * @param buildSeconds            seconds the simulator build took (0 when reused from the cache)
 * @param weightsCompared         weight codes of learning layers compared, a part of {@code valuesCompared}
 * @param weightMismatches        weight codes that differed, a part of {@code mismatches}
 */
public record CosimReport(Simulator simulator, int frames, long valuesCompared, long mismatches,
                          Optional<Mismatch> firstMismatch, long handshakeChecks, Optional<String> handshakeFailure,
                          double rtlFramesPerSecond, double goldenFramesPerSecond,
                          double buildSeconds, long weightsCompared, long weightMismatches) {

    public boolean passed() {
        return valuesCompared > 0 && mismatches == 0 && handshakeFailure.isEmpty();
    }

    /** "N frames, M values compared, K mismatches, handshake: H checks, ok" (or its first failure). */
    public String summary() {
        return frames + " frames, " + valuesCompared + " values compared, " + mismatches + " mismatches"
                + (weightsCompared > 0 ? " (of which " + weightsCompared + " weight codes, " + weightMismatches
                        + " mismatches)" : "")
                + ", handshake: " + handshakeChecks + " checks, " + handshakeFailure.orElse("ok");
    }

    /** Throws an AssertionError naming the first mismatch, or that nothing was compared. */
    public CosimReport assertPassed() {
        if (valuesCompared == 0) {
            throw new AssertionError(simulator.id() + ": co-simulation compared nothing (" + summary() + ")");
        }
        if (mismatches > 0) {
            throw new AssertionError(simulator.id() + ": " + summary() + "; first: " + firstMismatch.orElseThrow());
        }
        if (handshakeFailure.isPresent()) {
            throw new AssertionError(simulator.id() + ": " + summary());
        }
        return this;
    }
}
