package org.scforge.cli;

import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import picocli.CommandLine.Option;

/** {@code --fold LAYER=P[,LAYER=P...]}, shared by generate, cosim and synth (docs/semantics.md section 1.1). */
public final class FoldOption {

    @Option(names = "--fold", paramLabel = "LAYER=P[,LAYER=P...]",
            description = "compute P neurons of LAYER per clock cycle (1..N; unnamed layers stay fully parallel): "
                    + "less area, more cycles per frame, the same results")
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
