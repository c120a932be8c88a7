package org.scforge.generators;

import java.util.Objects;

/**
 * Choices that change the generated RTL without changing its meaning.
 *
 * @param traceOutputs adds, for every integrate-and-fire layer, the debug outputs {@code <layer>_spikes}
 *                     and {@code <layer>_membrane} used by per-cycle co-simulation (docs/rtl.md)
 * @param fold         neurons computed per cycle, per layer (docs/semantics.md section 1.1): changes the
 *                     cycle count and the area, never a result
 */
public record GeneratorOptions(boolean traceOutputs, Fold fold) {

    public GeneratorOptions {
        Objects.requireNonNull(fold, "fold (use Fold.none())");
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(false, Fold.none());
    }

    public GeneratorOptions withTraceOutputs(boolean trace) {
        return new GeneratorOptions(trace, fold);
    }

    public GeneratorOptions withFold(Fold plan) {
        return new GeneratorOptions(traceOutputs, plan);
    }
}
