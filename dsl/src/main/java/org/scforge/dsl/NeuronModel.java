package org.scforge.dsl;

/**
 * What a neuron does with its per-cycle input sum {@code S(t)} (docs/semantics.md, "Neurons").
 */
public sealed interface NeuronModel permits NeuronModel.IntegrateAndFire, NeuronModel.Counter {

    /** "if" or "counter", as written in the model file. */
    String kind();

    /**
     * Integrate-and-fire with optional leak: {@code u = v - (v >> leakShift) + S}; spike when
     * {@code u >= threshold}, then {@code u -= threshold}; {@code v = clamp(u, floor, ceiling)}.
     * {@code leakShift == 0} means no leak.
     */
    record IntegrateAndFire(int threshold, int floor, int ceiling, int leakShift) implements NeuronModel {

        /**
         * A new threshold. A floor and ceiling that still have their defaults for the old threshold
         * ({@code -threshold} and {@code threshold - 1}) follow it; explicitly set ones stay.
         */
        public IntegrateAndFire threshold(int newThreshold) {
            int newFloor = floor == -threshold ? -newThreshold : floor;
            int newCeiling = ceiling == threshold - 1 ? newThreshold - 1 : ceiling;
            return new IntegrateAndFire(newThreshold, newFloor, newCeiling, leakShift);
        }

        /** The lowest membrane value; the membrane saturates there. */
        public IntegrateAndFire floor(int newFloor) {
            return new IntegrateAndFire(threshold, newFloor, ceiling, leakShift);
        }

        /** The highest membrane value kept after a cycle; the membrane saturates there. */
        public IntegrateAndFire ceiling(int newCeiling) {
            return new IntegrateAndFire(threshold, floor, newCeiling, leakShift);
        }

        /** Leak of {@code v >> shift} per cycle (a LIF neuron); 0 disables the leak. */
        public IntegrateAndFire leakShift(int shift) {
            return new IntegrateAndFire(threshold, floor, ceiling, shift);
        }

        @Override
        public String kind() {
            return "if";
        }
    }

    /** A signed counter of the input sum over the frame: the readout of the last layer. */
    record Counter() implements NeuronModel {
        @Override
        public String kind() {
            return "counter";
        }
    }
}
