package org.scforge.dsl;

import java.util.List;

/**
 * A number source: a per-cycle sequence of {@code width()}-bit numbers. Every source restarts at its
 * frame-start state on {@code start}; in every step a stochastic number generator first compares with
 * the current number, then the source advances (see docs/semantics.md, "Number sources").
 */
public sealed interface Source permits Source.Lfsr, Source.VanDerCorput, Source.Sobol {

    /** The source's name, unique in the network; the RTL instance is named after it. */
    String name();

    /** Bits per number. A consumer with a narrower code reads the top bits. */
    int width();

    /** "lfsr", "vdc" or "sobol": the kind as written in the model file. */
    String kind();

    /**
     * A maximal-length Fibonacci LFSR. Each step the state shifts left by one and the XOR of the tapped
     * bits (1-based positions, {@link LfsrTaps}) enters at bit 0. The state never is zero, so its
     * period is {@code 2^width - 1}.
     */
    record Lfsr(String name, int width, List<Integer> taps, long seed) implements Source {
        public Lfsr {
            taps = List.copyOf(taps);
        }

        /** The tabulated maximal-length taps for {@code width}. */
        public static Lfsr maximal(String name, int width, long seed) {
            return new Lfsr(name, width, LfsrTaps.maximal(width), seed);
        }

        @Override
        public String kind() {
            return "lfsr";
        }
    }

    /** The van der Corput sequence in base 2: step {@code t} gives the bit reversal of {@code t mod 2^width}. */
    record VanDerCorput(String name, int width) implements Source {
        @Override
        public String kind() {
            return "vdc";
        }
    }

    /**
     * One dimension of the Sobol sequence (Joe and Kuo direction numbers, {@link SobolDirections}), in
     * Gray-code order: {@code x(0) = 0}, {@code x(t+1) = x(t) XOR v[c]} where {@code c} is the position
     * of the lowest zero bit of {@code t}. Dimension 1 is van der Corput in Gray-code order.
     */
    record Sobol(String name, int width, int dimension) implements Source {
        @Override
        public String kind() {
            return "sobol";
        }
    }
}
