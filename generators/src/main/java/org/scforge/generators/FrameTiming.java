package org.scforge.generators;

/**
 * When a design's values appear (docs/semantics.md sections 1 and 1.1), edges counted from the start
 * edge (edge 0). The design advances in windows of {@code T} cycles; window {@code w} is edges
 * {@code w*T + 1 .. (w+1)*T}. {@code T = 1} is the fully parallel timing.
 *
 * @param length        L, steps per frame
 * @param layers        D, layers
 * @param windowCycles  T = max over layers of ceil(N / P)
 */
public record FrameTiming(int length, int layers, int windowCycles) {

    public FrameTiming {
        if (length < 1 || layers < 1 || windowCycles < 1) {
            throw new IllegalArgumentException("length, layers and window cycles must be positive");
        }
    }

    /** Fully parallel: {@code T = 1}. */
    public static FrameTiming unfolded(int length, int layers) {
        return new FrameTiming(length, layers, 1);
    }

    public boolean folded() {
        return windowCycles > 1;
    }

    /** The edge at which {@code done} and the class rise: {@code (L + D - 1) * T + 1}. */
    public int doneEdge() {
        return (length + layers - 1) * windowCycles + 1;
    }

    /**
     * The last edge of the window in which layer {@code layerIndex} (0-based) performs step {@code t}:
     * right after it, the layer's spikes, membranes and counts hold their values after step {@code t}.
     */
    public int stepEdge(int layerIndex, int t) {
        return (t + layerIndex + 1) * windowCycles;
    }

    /** Cycles of one frame counting the cycle in which start is sampled: {@code doneEdge() + 1}. */
    public long cyclesPerFrame() {
        return doneEdge() + 1L;
    }
}
