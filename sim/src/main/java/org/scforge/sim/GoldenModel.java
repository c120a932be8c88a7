package org.scforge.sim;

import org.scforge.dsl.Network;

/**
 * The golden model of a network: the single source of truth that RTL, test benches and reports are
 * checked against (docs/semantics.md). Build one per network (it precomputes what does not depend on
 * the input) and run frames through it; it is immutable and safe to share between threads.
 */
public final class GoldenModel {

    private final Network network;
    private final ReferenceSimulator reference;

    private GoldenModel(Network network) {
        this.network = network;
        this.reference = new ReferenceSimulator(network);
    }

    public static GoldenModel of(Network network) {
        return new GoldenModel(network);
    }

    public Network network() {
        return network;
    }

    /** One frame: spike counts per hidden neuron, signed counts of the readout, the class. */
    public FrameCounts run(int[] codes) {
        Trace trace = reference.run(codes);
        int[][] counts = new int[trace.layers().size()][];
        for (int l = 0; l < counts.length; l++) {
            Trace.LayerTrace layer = trace.layers().get(l);
            int n = layer.spikes()[0].length;
            counts[l] = new int[n];
            boolean readout = l == counts.length - 1;
            for (int j = 0; j < n; j++) {
                if (readout) {
                    counts[l][j] = trace.readoutCounts()[j];
                } else {
                    for (int[] step : layer.spikes()) {
                        counts[l][j] += step[j];
                    }
                }
            }
        }
        return new FrameCounts(counts, trace.predictedClass());
    }

    /** Many frames, in parallel over the machine's cores; result {@code i} belongs to {@code frames[i]}. */
    public FrameCounts[] runAll(int[][] frames) {
        FrameCounts[] out = new FrameCounts[frames.length];
        java.util.stream.IntStream.range(0, frames.length).parallel().forEach(i -> out[i] = run(frames[i]));
        return out;
    }

    /** One frame with every step of every neuron recorded (the trace path). */
    public Trace trace(int[] codes) {
        return reference.run(codes);
    }
}
