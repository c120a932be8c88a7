package org.scforge.cli;

import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import picocli.CommandLine.Option;

/**
 * {@code --fold LAYER=P[xS][:memory][,...]}, shared by generate, cosim and synth (docs/semantics.md
 * section 1.1, docs/rtl.md).
 */
public final class FoldOption {

    @Option(names = "--fold", paramLabel = "LAYER=P[xS][:memory][,...]",
            description = "compute P neurons of LAYER at a time (1..N; unnamed layers stay fully parallel), S of "
                    + "each neuron's synapses per cycle (1..fan-in+1, default all), weights in block RAM with "
                    + ":memory (in LUTs by default): less area, more cycles per frame, the same results")
    String fold;

    /** The plan, checked against {@code network}; a bad one is a one-line user error. */
    Fold plan(Network network) {
        try {
            return Fold.parse(fold).validate(network);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fold: " + e.getMessage());
        }
    }
}
