package org.scforge.harness;

import java.util.Optional;

/**
 * The outcome of a co-simulation run. It passed when something was compared and nothing differed.
 *
 * @param simulator               the RTL simulator
 * @param frames                  frames run
 * @param valuesCompared          values compared between the RTL and the golden model
 * @param mismatches              values that differed
 * @param firstMismatch           the first difference, in frame, cycle, layer, neuron order
 * @param rtlFramesPerSecond      frames per second of the simulator, bridge included
 * @param goldenFramesPerSecond   frames per second of the golden model on one thread
 * @param buildSeconds            seconds the simulator build took (0 when reused from the cache)
 */
public record CosimReport(Simulator simulator, int frames, long valuesCompared, long mismatches,
                          Optional<Mismatch> firstMismatch, double rtlFramesPerSecond, double goldenFramesPerSecond,
                          double buildSeconds) {

    public boolean passed() {
        return valuesCompared > 0 && mismatches == 0;
    }

    /** "N frames, M values compared, K mismatches". */
    public String summary() {
        return frames + " frames, " + valuesCompared + " values compared, " + mismatches + " mismatches";
    }

    /** Throws an AssertionError naming the first mismatch, or that nothing was compared. */
    public CosimReport assertPassed() {
        if (valuesCompared == 0) {
            throw new AssertionError(simulator.id() + ": co-simulation compared nothing (" + summary() + ")");
        }
        if (mismatches > 0) {
            throw new AssertionError(simulator.id() + ": " + summary() + "; first: " + firstMismatch.orElseThrow());
        }
        return this;
    }
}
