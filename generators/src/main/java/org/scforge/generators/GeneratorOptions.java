package org.scforge.generators;

/**
 * Choices that change the generated RTL without changing its meaning.
 *
 * @param traceOutputs adds, for every integrate-and-fire layer, the debug outputs {@code <layer>_spikes}
 *                     and {@code <layer>_membrane} used by per-cycle co-simulation (docs/rtl.md)
 */
public record GeneratorOptions(boolean traceOutputs) {

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(false);
    }

    public GeneratorOptions withTraceOutputs(boolean trace) {
        return new GeneratorOptions(trace);
    }
}
