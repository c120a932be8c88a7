package org.scforge.bench;

import org.scforge.sim.ThroughputWorkload;

/**
 * {@link GoldenModelBenchmark}'s three benchmarks on a conv network on raw pixels
 * (ThroughputWorkload.convShaped: 28x28 u8, conv 8 x 5x5 stride 2, counter readout of 10, L = 128): the
 * forward pass a conv trainer would run in its loop. The batch engine runs the conv layer as the dense
 * layer it equals (docs/semantics.md section 11.3), so this measures that choice. Its name does not
 * contain "GoldenModelBenchmark", so the commands of docs/benchmarks.md that select those by name keep
 * selecting what they did.
 */
public class ConvForwardBenchmark extends GoldenModelBenchmark {

    @Override
    ThroughputWorkload workload() {
        return ThroughputWorkload.convShaped(BATCH);
    }
}
